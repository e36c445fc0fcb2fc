import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal on the browser's own <dialog>: while it is open the page behind it is inert, so keyboard focus cannot
 * wander out. Escape asks to close through onCancel (React decides); without onCancel, Escape does nothing.
 */
export function Modal({ labelledBy, describedBy, wide, onCancel, children }: {
  labelledBy: string;
  describedBy?: string;
  wide?: boolean;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={labelledBy} aria-describedby={describedBy} className={wide ? 'dialog wide' : 'dialog'}
      onCancel={(event) => {
        event.preventDefault();
        onCancel?.();
      }}>
      {children}
    </dialog>
  );
}

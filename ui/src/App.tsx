import { useEffect, useState } from 'react';
import { Link, navigate, usePath } from './lib/router';
import { SyncStatus } from './live/SyncProvider';
import { Modal } from './components/Modal';
import { Notifications } from './components/Notifications';
import { AccountScreen } from './screens/AccountScreen';
import { AuthForm } from './screens/AuthScreen';
import { SeriesScreen } from './screens/SeriesScreen';
import { TagsScreen } from './screens/TagsScreen';
import { TaskEditor } from './screens/TaskEditor';
import { TaskListScreen } from './screens/TaskListScreen';
import { useSession } from './session';

export function App() {
  const { state, signOut } = useSession();
  const path = usePath();

  // After a route change, a screen reader and the keyboard start at the new screen, unless it focused a field itself.
  useEffect(() => {
    if (document.activeElement === document.body) document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);

  if (state.status === 'loading') return <p className="loading" role="status">Loading…</p>;
  if (state.status === 'signed-out') {
    return (
      <main className="auth">
        <h1>Taskstream</h1>
        <AuthForm mode={path === '/signup' ? 'signup' : 'login'} />
      </main>
    );
  }
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <Link href="/" className="brand">Taskstream</Link>
        <nav aria-label="Main">
          <Link href="/">Tasks</Link>
          <Link href="/series">Series</Link>
          <Link href="/tags">Tags</Link>
          <Link href="/account">Account</Link>
        </nav>
        <SyncStatus />
        <Notifications />
        <span className="who" title="Signed in as">{state.email}</span>
        <button type="button" className="quiet" onClick={() => signOut().then(() => navigate('/'))}>Log out</button>
      </header>
      <main id="main" tabIndex={-1}>
        <Screen path={path} email={state.email} />
      </main>
      <Shortcuts />
      {state.status === 'expired' && <ExpiredDialog email={state.email} />}
    </>
  );
}

function Screen({ path, email }: { path: string; email: string }) {
  if (path === '/tags') return <TagsScreen />;
  if (path === '/account') return <AccountScreen email={email} />;
  if (path === '/series') return <SeriesScreen />;
  if (path === '/tasks/new') return <TaskEditor key="new" />;
  const task = /^\/tasks\/([0-9a-f-]{36})$/.exec(path);
  if (task) return <TaskEditor key={task[1]} id={task[1]} />;
  return <TaskListScreen />;
}

/** The session ran out: ask for the password over the screen, so nothing typed is lost. */
function ExpiredDialog({ email }: { email: string }) {
  return (
    <Modal labelledBy="expired-title">
      <h2 id="expired-title">Your session has ended</h2>
      <p>Log in again to carry on; what you typed is still here.</p>
      <AuthForm mode="login" email={email} />
    </Modal>
  );
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** n: new task (quick add), /: search, ?: this list. On a task row: x completes, Enter opens. */
function Shortcuts() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') setOpen(false);
      if (typing(event.target)) return;
      const focus = (id: string) => {
        const go = () => document.getElementById(id)?.focus();
        if (location.pathname !== '/') {
          navigate('/');
          setTimeout(go, 50);
        } else go();
        event.preventDefault();
      };
      if (event.key === 'n') focus('quick-add');
      else if (event.key === '/') focus('search');
      else if (event.key === '?') setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  return (
    <aside className="shortcuts" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <dl>
        <dt><kbd>n</kbd></dt><dd>Add a task</dd>
        <dt><kbd>/</kbd></dt><dd>Search</dd>
        <dt><kbd>x</kbd></dt><dd>Complete (or reopen) the focused task</dd>
        <dt><kbd>Enter</kbd></dt><dd>Open the focused task</dd>
        <dt><kbd>?</kbd></dt><dd>Show or hide this list</dd>
      </dl>
      <button type="button" onClick={() => setOpen(false)}>Close</button>
    </aside>
  );
}

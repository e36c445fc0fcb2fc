import { useId, useState, type KeyboardEvent } from 'react';
import { useTags } from '../api/queries';

/** Tags by name: suggestions from the user's tags (a native datalist), and any new name creates a tag on save. */
export function TagInput({ value, onChange }: { value: string[]; onChange: (tags: string[]) => void }) {
  const tags = useTags();
  const [draft, setDraft] = useState('');
  const listId = useId();
  const add = () => {
    const name = draft.trim().replace(/^#/, '');
    if (name && !value.some((t) => t.toLowerCase() === name.toLowerCase())) onChange([...value, name]);
    setDraft('');
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && !draft && value.length) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div className="tag-input">
      <ul aria-label="Tags on this task">
        {value.map((name) => (
          <li key={name} className="chip tag">
            #{name}
            <button type="button" className="remove" onClick={() => onChange(value.filter((t) => t !== name))}
              aria-label={`Remove tag ${name}`}>×</button>
          </li>
        ))}
      </ul>
      <label>
        Add a tag
        <input list={listId} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} onBlur={add}
          placeholder="Type a name, Enter to add" autoComplete="off" />
      </label>
      <datalist id={listId}>
        {(tags.data ?? []).filter((t) => !value.includes(t.name)).map((t) => <option key={t.id} value={t.name} />)}
      </datalist>
    </div>
  );
}

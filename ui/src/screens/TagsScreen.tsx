import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { refreshAll, tagsApi, useTags } from '../api/queries';
import type { TagView } from '../api/types';

export function TagsScreen() {
  const tags = useTags();
  return (
    <section aria-labelledby="tags-title">
      <h1 id="tags-title">Tags</h1>
      <p className="hint">A new tag appears when you first use it on a task. Renaming one renames it on every task at once.</p>
      {tags.isPending && <p role="status">Loading…</p>}
      {tags.data?.length === 0 && <p className="empty">No tags yet: add one to a task with #name.</p>}
      <ul className="tags">
        {tags.data?.map((tag) => <TagRow key={tag.id} tag={tag} />)}
      </ul>
    </section>
  );
}

function TagRow({ tag }: { tag: TagView }) {
  const client = useQueryClient();
  const [name, setName] = useState(tag.name);
  const [colour, setColour] = useState(tag.colour ?? '#888888');
  const [error, setError] = useState<string | null>(null);
  // Tag writes are not versioned per task, so a short wait lets the projection catch up before re-reading.
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await new Promise((resolve) => setTimeout(resolve, 150));
      await refreshAll(client);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'That did not work.');
    }
  };
  const changed = name.trim() !== tag.name || colour !== (tag.colour ?? '#888888');
  return (
    <li className="tag-row">
      <form className="row" onSubmit={(e) => {
        e.preventDefault();
        void act(() => tagsApi.update(tag.id, {
          name: name.trim() !== tag.name ? name.trim() : undefined,
          colour: colour !== (tag.colour ?? '#888888') ? colour : undefined,
        }));
      }}>
        <label>
          <span className="sr-only">Colour of {tag.name}</span>
          <input type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
        </label>
        <label className="grow">
          <span className="sr-only">Name of {tag.name}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <span className="hint">{tag.taskCount} task{tag.taskCount === 1 ? '' : 's'}</span>
        <button type="submit" disabled={!changed}>Save</button>
        <button type="button" className="danger" onClick={() => {
          if (confirm(`Delete the tag “${tag.name}”? It is removed from its ${tag.taskCount} task(s).`)) void act(() => tagsApi.remove(tag.id));
        }}>Delete<span className="sr-only"> {tag.name}</span></button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
    </li>
  );
}

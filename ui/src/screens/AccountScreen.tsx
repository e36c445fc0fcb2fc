import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { appTokensApi } from '../api/queries';
import type { AppToken, NewAppToken } from '../api/types';
import { formatInstant, userZone } from '../lib/dates';

const LIFETIMES = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: 'a year' },
];

/** Who is signed in, and the app tokens they made for assistants, scripts and the CLI. */
export function AccountScreen({ email }: { email: string }) {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['app-tokens'], queryFn: appTokensApi.list });
  const [made, setMade] = useState<NewAppToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await client.invalidateQueries({ queryKey: ['app-tokens'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'That did not work; try again.');
    }
  };
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Account</h1>
      <p>Signed in as <strong>{email}</strong>.</p>
      <h2 id="app-tokens-title">App tokens</h2>
      <p className="hint">
        A token for one app: an AI assistant (MCP), a script or the command line. It acts as you until it expires or
        you revoke it, but cannot make or revoke app tokens.
      </p>
      <NewTokenForm onMade={(token) => act(async () => setMade(token))} onError={setError} />
      {error && <p className="error" role="alert">{error}</p>}
      {made && <MadeToken token={made} />}
      {tokens.isPending && <p role="status">Loading…</p>}
      {tokens.data?.items.length === 0 && <p className="empty">No app tokens.</p>}
      <ul className="app-tokens" aria-labelledby="app-tokens-title">
        {tokens.data?.items.map((token) => (
          <TokenRow key={token.id} token={token} onRevoke={() => act(async () => {
            await appTokensApi.revoke(token.id);
            if (made?.id === token.id) setMade(null);
          })} />
        ))}
      </ul>
    </section>
  );
}

function NewTokenForm({ onMade, onError }: { onMade: (token: NewAppToken) => void; onError: (message: string) => void }) {
  const [name, setName] = useState('');
  const [days, setDays] = useState(90);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      onMade(await appTokensApi.create(name.trim(), days));
      setName('');
    } catch (e) {
      onError(e instanceof ApiError ? e.message : 'Could not make the token; try again.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="row new-app-token" onSubmit={submit}>
      <label className="grow">Name of the app
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Claude on my laptop" maxLength={100} />
      </label>
      <label>Lasts
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {LIFETIMES.map((l) => <option key={l.days} value={l.days}>{l.label}</option>)}
        </select>
      </label>
      <button type="submit" className="primary" disabled={saving || !name.trim()}>Make a token</button>
    </form>
  );
}

/** The secret, once: the server keeps only its hash. */
function MadeToken({ token }: { token: NewAppToken }) {
  const secret = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // The clipboard API needs a secure page; a server reached over plain HTTP on a LAN gets the text selected instead.
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('Copied');
    } catch {
      if (secret.current) window.getSelection()?.selectAllChildren(secret.current);
      setCopied('Selected: press Ctrl+C');
    }
  };
  return (
    <div className="made-token" role="status">
      <p><strong>Copy the token for “{token.name}” now: it is not shown again.</strong></p>
      <p className="row">
        <code className="secret" ref={secret}>{token.token}</code>
        <button type="button" onClick={() => void copy()}>{copied ?? 'Copy'}</button>
      </p>
      <p className="hint">
        An MCP client connects to <code>{`${location.origin}/mcp`}</code> with the header{' '}
        <code>Authorization: Bearer</code> and this token.
      </p>
    </div>
  );
}

function TokenRow({ token, onRevoke }: { token: AppToken; onRevoke: () => void }) {
  const zone = userZone();
  return (
    <li className="app-token">
      <span className="grow"><strong>{token.name}</strong></span>
      <span className="hint">
        made {formatInstant(token.createdAt, zone)} · expires {formatInstant(token.expiresAt, zone)} ·{' '}
        {token.lastUsedAt ? `last used ${formatInstant(token.lastUsedAt, zone)}` : 'never used'}
      </span>
      <button type="button" className="danger" onClick={() => {
        if (confirm(`Revoke the token “${token.name}”? The app that uses it is refused from now on.`)) onRevoke();
      }}>Revoke<span className="sr-only"> {token.name}</span></button>
    </li>
  );
}

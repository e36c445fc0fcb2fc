import type { ErrorCode, Problem } from './types';

/** A refusal from the server: switch on `code` (stable), show `detail`, point at `field`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | undefined;
  readonly field: string | undefined;
  /** The whole problem body: some codes carry more (EDIT_CONFLICT: `fields` and `current`). */
  readonly problem: (Problem & Record<string, unknown>) | null;

  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? `The server answered ${status}.`);
    this.status = status;
    this.code = problem?.code;
    this.field = problem?.field;
    this.problem = problem as (Problem & Record<string, unknown>) | null;
  }
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** Called when the server says the session is gone (401 on a call that needed it). */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** Each browser is one device in the event metadata (history shows it). Not a secret. */
export function deviceId(): string {
  const key = 'taskstream.device';
  let id = localStorage.getItem(key);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(key, id);
  }
  return id;
}

/**
 * A write the server had no turn for (SERVER_BUSY, or TOO_MANY_WRITES of this user under way) stored nothing, so it
 * is sent again after the `Retry-After` it names, a few times before the refusal is shown. Only those two codes: a
 * bare 503 from something in between may come after the write was stored.
 */
const NO_TURN: ErrorCode[] = ['SERVER_BUSY', 'TOO_MANY_WRITES'];
const TURN_RETRIES = 3;

async function hadNoTurn(response: Response): Promise<boolean> {
  if (response.status !== 429 && response.status !== 503) return false;
  const problem = (await response.clone().json().catch(() => null)) as Problem | null;
  return problem?.code !== undefined && NO_TURN.includes(problem.code);
}

function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After'));
  return 1000 * (Number.isFinite(seconds) && seconds > 0 ? seconds : 1);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Every call is same-origin and authenticated by the HttpOnly session cookie, which scripts cannot read; the
 * X-Taskstream-Client header is what makes the server accept that cookie (see the server's SessionCookie).
 */
export async function api<T>(method: string, path: string, body?: unknown, ifMatch?: number): Promise<T> {
  return (await request<T>(method, path, body, ifMatch)).body;
}

/**
 * The same, with the `Stream-Position` a list answer carries: the live stream's position the answer reflects
 * (null on answers without it).
 */
export async function request<T>(
  method: string, path: string, body?: unknown, ifMatch?: number,
): Promise<{ body: T; position: number | null }> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'X-Taskstream-Client': 'web',
    'X-Device-Id': deviceId(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // The version this client saw: the server merges a stale write, or refuses it with EDIT_CONFLICT.
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  const send = () => fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let response = await send();
  for (let retry = 0; retry < TURN_RETRIES && (await hadNoTurn(response)); retry++) {
    await sleep(retryAfterMs(response));
    response = await send();
  }
  if (response.status === 401 && !path.startsWith('/api/auth/')) {
    expiredListeners.forEach((listener) => listener());
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(response.status, problem);
  }
  const header = response.headers.get('Stream-Position');
  const position = header === null ? null : Number(header);
  if (response.status === 204) return { body: undefined as T, position };
  return { body: (await response.json()) as T, position };
}

export function query(params: Record<string, string | string[] | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(name, v));
    else search.append(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

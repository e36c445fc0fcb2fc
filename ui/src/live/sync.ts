/**
 * The live stream's client: one WebSocket to `/api/stream`, opened with a single-use ticket, that reconnects with
 * backoff and asks for what it missed (`since` the last position it applied). No React in here, so the
 * reconnection rules are tested with a fake socket and fake timers.
 */

export type SyncState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** A message of the stream: `hello` and `resync` carry only a position; changes carry their payload too. */
export interface StreamMessage {
  type: string;
  position: number;
  [field: string]: unknown;
}

/** What the class needs of a WebSocket; the browser's fits. */
export interface SocketLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  close(code?: number): void;
}

export interface SyncDeps {
  /** A fresh ticket (`POST /api/stream/ticket`); rejects with `refused: true` when the session is gone. */
  ticket: () => Promise<string>;
  open: (ticket: string, since: number | null) => SocketLike;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  random: () => number;
}

export interface SyncHandlers {
  /** A change after the last position applied, in order, each once. */
  change: (message: StreamMessage) => void;
  /** The cache may have missed changes it cannot be told about: read everything again. */
  resync: () => void;
  state: (state: SyncState) => void;
}

/** Thrown by `SyncDeps.ticket` when the server will not give one (401): retrying cannot help until a new login. */
export class TicketRefused extends Error {}

/** 0.5 s, 1 s, 2 s, … up to 30 s, each drawn from its upper half so that many devices do not come back at once. */
export function backoff(attempt: number, random: number): number {
  const ceiling = Math.min(30_000, 500 * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export class LiveSync {
  private socket: SocketLike | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private running = false;
  private offline = false;
  private current: SyncState = 'connecting';
  /** The position of the last change applied to the cache; null until the first connect has told us one. */
  position: number | null = null;

  constructor(private readonly deps: SyncDeps, private readonly on: SyncHandlers) {}

  get state(): SyncState {
    return this.current;
  }

  /** Starts following the stream from `since` (a list answer's Stream-Position), or from now when null. */
  start(since: number | null): void {
    if (this.running) return;
    this.running = true;
    if (this.position === null) this.position = since;
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.drop();
  }

  /** The browser says the network is gone: say so, and wait for it to come back rather than retrying blind. */
  goOffline(): void {
    this.offline = true;
    this.drop();
    this.setState('offline');
  }

  goOnline(): void {
    if (!this.offline) return;
    this.offline = false;
    this.attempt = 0;
    if (this.running) this.connect();
  }

  private drop(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000);
    }
  }

  private setState(state: SyncState): void {
    if (state === this.current) return;
    this.current = state;
    this.on.state(state);
  }

  private connect(): void {
    this.timer = null;
    if (!this.running || this.offline) return;
    if (this.current !== 'connecting') this.setState('reconnecting');
    this.deps.ticket().then(
      (ticket) => {
        if (!this.running || this.offline || this.socket) return;
        const socket = this.deps.open(ticket, this.position);
        this.socket = socket;
        socket.onmessage = (event) => this.receive(event.data);
        socket.onclose = () => {
          if (this.socket !== socket) return;
          this.socket = null;
          this.retry();
        };
      },
      (error) => {
        if (error instanceof TicketRefused) {
          // The session is over; the app asks for the password and starts us again.
          this.running = false;
          this.setState('offline');
        } else {
          this.retry();
        }
      },
    );
  }

  private retry(): void {
    if (!this.running || this.offline) return;
    this.setState('reconnecting');
    const delay = backoff(this.attempt, this.deps.random());
    this.attempt = Math.min(this.attempt + 1, 10);
    this.timer = this.deps.setTimer(() => this.connect(), delay);
  }

  private receive(data: unknown): void {
    let message: StreamMessage;
    try {
      message = JSON.parse(String(data)) as StreamMessage;
    } catch {
      return;
    }
    if (typeof message.position !== 'number') return;
    if (message.type === 'hello') {
      this.attempt = 0;
      this.setState('live');
      if (this.position === null) {
        // Connected without a position: anything before this moment is not coming, so read it.
        this.position = message.position;
        this.on.resync();
      }
    } else if (message.type === 'resync') {
      this.position = message.position;
      this.on.resync();
    } else if (this.position === null || message.position > this.position) {
      this.position = message.position;
      this.on.change(message);
    }
  }
}

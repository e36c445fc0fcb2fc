import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoff, LiveSync, TicketRefused, type SocketLike, type StreamMessage, type SyncState } from './sync';

class FakeSocket implements SocketLike {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  closed = false;
  constructor(readonly since: number | null) {}
  send(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
  close() {
    this.closed = true;
  }
}

function harness(tickets: () => Promise<string> = async () => 'ticket') {
  const sockets: FakeSocket[] = [];
  const changes: StreamMessage[] = [];
  const states: SyncState[] = [];
  let resyncs = 0;
  const sync = new LiveSync(
    {
      ticket: tickets,
      open: (_ticket, since) => {
        const socket = new FakeSocket(since);
        sockets.push(socket);
        return socket;
      },
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      random: () => 1,
    },
    { change: (m) => changes.push(m), resync: () => resyncs++, state: (s) => states.push(s) },
  );
  return { sync, sockets, changes, states, resyncs: () => resyncs };
}

const task = (position: number, title: string) => ({ type: 'task.upserted', position, task: { id: 't1', title } });

describe('LiveSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts from the list position and applies each change once, in order', async () => {
    const { sync, sockets, changes, states, resyncs } = harness();
    sync.start(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets[0].since).toBe(7);
    sockets[0].send({ type: 'hello', position: 9 });
    sockets[0].send(task(8, 'a'));
    sockets[0].send(task(8, 'a again'));
    sockets[0].send(task(9, 'b'));
    expect(changes.map((c) => c.position)).toEqual([8, 9]);
    expect(states).toEqual(['live']);
    expect(resyncs()).toBe(0);
    expect(sync.position).toBe(9);
  });

  it('without a position, takes hello as the start and reads everything again', async () => {
    const { sync, sockets, resyncs } = harness();
    sync.start(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets[0].since).toBeNull();
    sockets[0].send({ type: 'hello', position: 4 });
    expect(resyncs()).toBe(1);
    expect(sync.position).toBe(4);
  });

  it('reconnects with backoff and catches up from the last position applied', async () => {
    const { sync, sockets, changes, states } = harness();
    sync.start(0);
    await vi.advanceTimersByTimeAsync(0);
    sockets[0].send({ type: 'hello', position: 0 });
    sockets[0].send(task(1, 'a'));
    sockets[0].drop();
    expect(states.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(499);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    expect(sockets[1].since).toBe(1);
    // The server is still down: the next wait is longer.
    sockets[1].drop();
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets[2].since).toBe(1);
    sockets[2].send({ type: 'hello', position: 3 });
    sockets[2].send(task(2, 'b'));
    sockets[2].send(task(3, 'c'));
    expect(changes.map((c) => c.task)).toEqual([{ id: 't1', title: 'a' }, { id: 't1', title: 'b' }, { id: 't1', title: 'c' }]);
    expect(states.at(-1)).toBe('live');
    // Back to live resets the backoff.
    sockets[2].drop();
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(4);
  });

  it('rereads everything on resync and follows on from its position', async () => {
    const { sync, sockets, changes, resyncs } = harness();
    sync.start(50);
    await vi.advanceTimersByTimeAsync(0);
    sockets[0].send({ type: 'hello', position: 10 });
    sockets[0].send({ type: 'resync', position: 10 });
    sockets[0].send(task(11, 'after'));
    expect(resyncs()).toBe(1);
    expect(changes.map((c) => c.position)).toEqual([11]);
  });

  it('waits offline without retrying, and reconnects at once when the network is back', async () => {
    const { sync, sockets, states } = harness();
    sync.start(2);
    await vi.advanceTimersByTimeAsync(0);
    sockets[0].send({ type: 'hello', position: 2 });
    sync.goOffline();
    expect(sockets[0].closed).toBe(true);
    expect(states.at(-1)).toBe('offline');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    sync.goOnline();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(2);
    expect(sockets[1].since).toBe(2);
    expect(states.at(-1)).toBe('reconnecting');
  });

  it('stops when the server refuses a ticket, and retries other failures', async () => {
    let answer: () => Promise<string> = () => Promise.reject(new Error('network'));
    const { sync, sockets, states } = harness(() => answer());
    sync.start(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('reconnecting');
    answer = () => Promise.reject(new TicketRefused());
    await vi.advanceTimersByTimeAsync(500);
    expect(states.at(-1)).toBe('offline');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(0);
  });

  it('backs off exponentially up to 30 s, never below half of each step', () => {
    expect([0, 1, 2, 3, 6, 12].map((n) => backoff(n, 1))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
    expect(backoff(2, 0)).toBe(1000);
  });
});

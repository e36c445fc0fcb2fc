import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstListPosition, forgetPositions, setAppliedPosition } from '../live/position';
import { afterWrite, NO_FILTERS, tasksApi } from './queries';

/** Answers list reads with the given Stream-Positions in turn, each page naming its position. */
function serverAnswering(...positions: number[]) {
  let call = 0;
  const fetch = vi.fn(async () => {
    const position = positions[Math.min(call++, positions.length - 1)];
    return new Response(JSON.stringify({ items: [{ title: `as of ${position}` }], nextCursor: null }), {
      status: 200, headers: { 'Content-Type': 'application/json', 'Stream-Position': String(position) },
    });
  });
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('localStorage', { getItem: () => 'device', setItem: () => undefined });
  return fetch;
}

describe('list reads against the live stream', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    forgetPositions();
  });

  it('reads again an answer older than the last change the stream applied', async () => {
    const fetch = serverAnswering(4, 7);
    setAppliedPosition(6);
    const page = await tasksApi.page(NO_FILTERS);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(page.items[0].title).toBe('as of 7');
  });

  it('takes an answer at or past it at once, and gives up after three reads', async () => {
    serverAnswering(6);
    setAppliedPosition(6);
    expect((await tasksApi.page(NO_FILTERS)).items[0].title).toBe('as of 6');
    const stuck = serverAnswering(1);
    setAppliedPosition(9);
    await tasksApi.page(NO_FILTERS);
    expect(stuck).toHaveBeenCalledTimes(3);
  });

  it('hands the first list answer\'s position to the stream as where to start', async () => {
    serverAnswering(12);
    const first = firstListPosition(1_000);
    await tasksApi.page(NO_FILTERS);
    expect(await first).toBe(12);
  });
});

describe('after a write', () => {
  afterEach(() => vi.unstubAllGlobals());
  const taskReads = (fetch: { mock: { calls: unknown[][] } }) =>
    fetch.mock.calls.filter((call) => call[0] === '/api/tasks/t').length;

  it('waits for the live stream to bring the task, and asks the server nothing', async () => {
    const fetch = serverAnswering(1);
    const client = new QueryClient();
    setTimeout(() => client.setQueryData(['task', 't'], { id: 't', version: 1 }), 30);

    await afterWrite(client, { id: 't', version: 1 });

    expect(client.getQueryData(['task', 't'])).toMatchObject({ version: 1 });
    expect(taskReads(fetch)).toBe(0);
  });

  it('reads the task from the server when the stream has not brought it', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ id: 't', version: 1 }), {
      status: 200, headers: { 'Content-Type': 'application/json' },
    }));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('localStorage', { getItem: () => 'device', setItem: () => undefined });
    const client = new QueryClient();
    client.setQueryData(['task', 't'], { id: 't', version: 0 });

    await afterWrite(client, { id: 't', version: 1 });

    expect(taskReads(fetch)).toBe(1);
  });
});

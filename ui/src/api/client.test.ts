import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './client';

/** Answers each call with the next of the given statuses (the last one repeats). */
function serverAnswering(...statuses: number[]) {
  let call = 0;
  const fetch = vi.fn(async () => {
    const status = statuses[Math.min(call++, statuses.length - 1)];
    const body = status < 300 ? { id: 't', version: 1 } : { code: status === 429 ? 'TOO_MANY_WRITES' : 'SERVER_BUSY', detail: 'wait' };
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Retry-After': '1' } });
  });
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('localStorage', { getItem: () => 'device', setItem: () => undefined });
  return fetch;
}

describe('a write the server had no turn for', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('is sent again after Retry-After and succeeds', async () => {
    vi.useFakeTimers();
    const fetch = serverAnswering(503, 429, 201);
    const written = api('POST', '/api/tasks', { title: 'x' });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(written).resolves.toEqual({ id: 't', version: 1 });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('shows the refusal after three retries', async () => {
    vi.useFakeTimers();
    const fetch = serverAnswering(503);
    const written = api('POST', '/api/tasks', { title: 'x' }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(3000);
    const refusal = await written;
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).code).toBe('SERVER_BUSY');
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('other refusals are not sent again', async () => {
    const fetch = serverAnswering(409);
    await expect(api('POST', '/api/tasks', { title: 'x' })).rejects.toBeInstanceOf(ApiError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a 503 without the server\'s code is not sent again: it may come after the write was stored', async () => {
    const fetch = vi.fn(async () => new Response('Service Unavailable', { status: 503, headers: { 'Retry-After': '1' } }));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('localStorage', { getItem: () => 'device', setItem: () => undefined });
    await expect(api('POST', '/api/tasks', { title: 'x' })).rejects.toBeInstanceOf(ApiError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

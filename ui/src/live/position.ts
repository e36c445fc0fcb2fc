/**
 * Where the cache stands on the live stream. `applied` is the position of the last stream message applied; a list
 * answer reflecting an older position would put back what that message changed, so list reads compare against it.
 * The first list answer's position is where the stream starts, so nothing between the two is missed or re-read.
 */
let applied: number | null = null;
let first: number | null = null;
const waiting = new Set<(position: number) => void>();

export function appliedPosition(): number | null {
  return applied;
}

export function setAppliedPosition(position: number | null): void {
  applied = position;
}

/** Called with every list answer's Stream-Position. */
export function listAnswered(position: number | null): void {
  if (position === null || Number.isNaN(position)) return;
  first ??= position;
  waiting.forEach((resolve) => resolve(position));
  waiting.clear();
}

/** The first list answer's position, once there is one; null if none came within `ms`. */
export function firstListPosition(ms: number): Promise<number | null> {
  if (first !== null) return Promise.resolve(first);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(done);
      resolve(null);
    }, ms);
    const done = (position: number) => {
      clearTimeout(timer);
      resolve(position);
    };
    waiting.add(done);
  });
}

/** A new user signs in: their stream has positions of its own. */
export function forgetPositions(): void {
  applied = null;
  first = null;
}

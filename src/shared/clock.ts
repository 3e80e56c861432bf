// Injectable time: the domain and the scheduler ask a Clock, never the wall clock, so tests can move time.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests (and the shell) can set and advance by hand. */
export interface ManualClock extends Clock {
  set(to: Date | string | number): void;
  advance(ms: number): void;
  /** Told the new time whenever it is set or advanced (the public page's thread mirrors it; see src/web/shared-clock.ts). */
  onChange(listener: (ms: number) => void): () => void;
}

export function manualClock(start: Date | string | number): ManualClock {
  let current = new Date(start).getTime();
  const listeners = new Set<(ms: number) => void>();
  const changed = () => {
    for (const listener of listeners) listener(current);
  };
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to).getTime();
      changed();
    },
    advance: (ms) => {
      current += ms;
      changed();
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

// The bot's clock seen from the public page's thread: the main thread writes it into shared memory, the web thread
// reads it without a message round trip, so feeds and pages use the same "now" as the commands (tests move it).
import { systemClock, type Clock, type ManualClock } from '../shared/clock.js';

/** Slot 0: how to read slot 1 (OFFSET: milliseconds added to the thread's own Date.now(); FIXED: the time itself). */
const OFFSET = 0n;
const FIXED = 1n;
/** How often a clock that is neither the system's nor a manual one has its offset refreshed. */
const REFRESH_MS = 1000;

const isManual = (clock: Clock): clock is ManualClock => typeof (clock as Partial<ManualClock>).onChange === 'function';

/** Main thread: shares the clock; `stop` ends the mirroring. */
export function shareClock(clock: Clock): { buffer: SharedArrayBuffer; stop(): void } {
  const buffer = new SharedArrayBuffer(16);
  const slots = new BigInt64Array(buffer);
  const write = (mode: bigint, value: number) => {
    Atomics.store(slots, 1, BigInt(Math.round(value)));
    Atomics.store(slots, 0, mode);
  };
  if (clock === systemClock) {
    write(OFFSET, 0);
    return { buffer, stop: () => undefined };
  }
  if (isManual(clock)) {
    // A manual clock stands still between moves: the web thread must see each move at once (a test advances it and asks).
    write(FIXED, clock.now().getTime());
    const unsubscribe = clock.onChange((ms) => write(FIXED, ms));
    return { buffer, stop: unsubscribe };
  }
  const refresh = () => write(OFFSET, clock.now().getTime() - Date.now());
  refresh();
  const timer = setInterval(refresh, REFRESH_MS).unref();
  return { buffer, stop: () => clearInterval(timer) };
}

/** Web thread: a Clock reading what the main thread shares. */
export function sharedClock(buffer: SharedArrayBuffer): Clock {
  const slots = new BigInt64Array(buffer);
  return {
    now: () => {
      const value = Number(Atomics.load(slots, 1));
      return new Date(Atomics.load(slots, 0) === FIXED ? value : Date.now() + value);
    },
  };
}

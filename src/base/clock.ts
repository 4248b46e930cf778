// Wall-clock time for session status and counters, replaceable as a whole so that tests and
// Storybook can pin "now" and step it without waiting. Elements schedule one timer for the next
// moment their output changes (a session starting or ending), never a timer per second.

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

let current: Clock = systemClock;
const listeners = new Set<() => void>();

export const clock = (): Clock => current;

/** Replaces the clock (null restores the system clock); elements reschedule against the new one. */
export function setClock(c: Clock | null): void {
  current = c ?? systemClock;
  listeners.forEach((l) => l());
}

/** Called when the clock is replaced. Returns an unsubscribe function. */
export function onClockChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

// Browsers run a timeout longer than 2^31-1 ms at once; longer waits are done in steps.
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Calls `fn` once at wall-clock time `at` (ms since epoch). Returns a cancel function.
 * A page in a background tab may fire late; callers recompute from clock().now() anyway.
 */
export function scheduleAt(at: number, fn: () => void): () => void {
  let handle: unknown;
  const c = current;
  const arm = () => {
    const wait = at - c.now();
    if (wait <= 0) return fn();
    handle = c.setTimeout(arm, Math.min(wait, MAX_DELAY));
  };
  arm();
  return () => c.clearTimeout(handle);
}

/** A clock that only moves when told: for tests and pinned stories. */
export function manualClock(start: number): Clock & { advance(ms: number): void; set(t: number): void; pending(): number } {
  let t = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const run = () => {
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of timers) if (e[1].at <= t && (!next || e[1].at < next[1].at)) next = e;
      if (!next) return;
      timers.delete(next[0]);
      next[1].fn();
    }
  };
  return {
    now: () => t,
    setTimeout(fn, ms) {
      timers.set(++seq, { at: t + Math.max(0, ms), fn });
      return seq;
    },
    clearTimeout: (h) => void timers.delete(h as number),
    advance(ms) {
      t += ms;
      run();
    },
    set(to) {
      t = to;
      run();
    },
    pending: () => timers.size,
  };
}

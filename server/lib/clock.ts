/** Time source, injected so tests can control it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs forward in real time: DOANHOI_NOW, for demos and the browser
 * journeys that need a fixed calendar day (e.g. just after a period ends).
 */
export function clockStartingAt(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

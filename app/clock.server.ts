/**
 * The service's clock. Domain code never reads the time itself: services take `now` from here
 * and pass it on. `CLOCK_NOW` (an ISO instant) freezes the clock, for journeys that must happen
 * at a known moment, e.g. after a deadline.
 */
export function now(): Date {
  const fixed = process.env.CLOCK_NOW;
  return fixed ? new Date(fixed) : new Date();
}

export function isoNow(): string {
  return now().toISOString();
}

let started: { at: string; realMs: number } | undefined;

/**
 * The clock of background jobs that wait for time to pass (the outbox's back-off and leases,
 * the same as `now()` without `CLOCK_NOW`; with it, it starts at that instant and then
 * runs at real speed, so a frozen clock neither strands a queued email nor stops its retries.
 * It is never behind `now()`, so whatever a request stamped with `now()` is due to it (ADR 0074).
 */
export function runningNow(): Date {
  const fixed = process.env.CLOCK_NOW;
  if (!fixed) return new Date();
  // From when the server started (CLOCK_NOW_SINCE, set by server.mjs before it forks workers), so
  // every worker — one restarted later too — keeps the same time; else from this process's first call.
  const since = Number(process.env.CLOCK_NOW_SINCE);
  if (started?.at !== fixed) started = { at: fixed, realMs: Number.isFinite(since) && since > 0 ? since : Date.now() };
  return new Date(new Date(fixed).getTime() + (Date.now() - started.realMs));
}

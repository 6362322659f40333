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

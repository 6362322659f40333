import { afterEach, expect, it, vi } from "vitest";

// R-71, ADR 0074: with a frozen demo clock, the outbox's clock runs on from CLOCK_NOW — from when the
// server started (CLOCK_NOW_SINCE, set by server.mjs before forking), so that a worker restarted
// later keeps the others' time and does not take their leases for expired ones.

const saved = { CLOCK_NOW: process.env.CLOCK_NOW, CLOCK_NOW_SINCE: process.env.CLOCK_NOW_SINCE };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
});

it("R-71 a worker started a minute after the server runs a minute past CLOCK_NOW, as the first worker does", async () => {
  vi.resetModules();
  process.env.CLOCK_NOW = "2041-01-01T00:00:00.000Z";
  process.env.CLOCK_NOW_SINCE = String(Date.now() - 60_000);
  const { runningNow, now } = await import("~/clock.server");
  const elapsed = runningNow().getTime() - new Date("2041-01-01T00:00:00.000Z").getTime();
  expect(elapsed).toBeGreaterThanOrEqual(60_000);
  expect(elapsed).toBeLessThan(65_000);
  expect(now().toISOString()).toBe("2041-01-01T00:00:00.000Z");
});

it("R-71 without CLOCK_NOW_SINCE the running clock starts at CLOCK_NOW on its first call", async () => {
  vi.resetModules();
  process.env.CLOCK_NOW = "2009-07-10T09:00:00.000Z";
  delete process.env.CLOCK_NOW_SINCE;
  const { runningNow } = await import("~/clock.server");
  const elapsed = runningNow().getTime() - new Date("2009-07-10T09:00:00.000Z").getTime();
  expect(elapsed).toBeGreaterThanOrEqual(0);
  expect(elapsed).toBeLessThan(5_000);
});

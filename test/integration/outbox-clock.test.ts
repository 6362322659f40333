import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import type { Knex } from "knex";
import { afterEach, describe, expect, it } from "vitest";
import { renderEmail } from "../../emails/layout";
import { enqueueEmail } from "../../emails/outbox.server";
import { now } from "~/clock.server";
import { outboxWorker } from "~/services/mail.server";
import { createTestDb } from "../setup/db";
import { startSmtpServer } from "../setup/smtp";

// R-71 with the service's clock frozen (CLOCK_NOW, for demos and journey tests): the outbox worker
// the server starts (outboxWorker, app/services/mail.server.ts) judges "due", leases, back-off and
// sent_at by the same clock that stamped the email when it was queued (ADR 0074). It used the real
// time: with CLOCK_NOW in the future a queued email waited until that date came; in the past, it
// was stamped sent decades after it was queued, and retried by a clock the service never shows.

const saved = { CLOCK_NOW: process.env.CLOCK_NOW, SMTP_URL: process.env.SMTP_URL, OUTBOX_INTERVAL_MS: process.env.OUTBOX_INTERVAL_MS, OUTBOX_WORKER: process.env.OUTBOX_WORKER };

afterEach(async () => {
  await globalThis.__outboxWorker?.stop();
  globalThis.__outboxWorker = undefined;
  globalThis.__serviceDb = undefined; // the test's database, destroyed by test/setup/db.ts
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** The server process's worker, on this test's database, sending to `smtpUrl`. */
function startServersWorker(db: Knex, smtpUrl: string, clockNow: string) {
  process.env.CLOCK_NOW = clockNow;
  process.env.SMTP_URL = smtpUrl;
  process.env.OUTBOX_INTERVAL_MS = "40";
  delete process.env.OUTBOX_WORKER;
  globalThis.__serviceDb = db;
  return outboxWorker()!;
}

/** Queued as every service queues: in its transaction, stamped with the service's `now()`. */
const queueEmail = (db: Knex) =>
  enqueueEmail(db, { ...renderEmail("Expression of interest received", [{ kind: "paragraph", text: "Reference RTP-EOI-CL0CK2" }]), to: "officer@example.gov.uk", template: "eoi-submitted", now: now() });

const until = async (condition: () => boolean | Promise<boolean>, ms: number) => {
  const deadline = performance.now() + ms;
  while (!(await condition())) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
};

async function reservePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = (probe.address() as AddressInfo);
      probe.close(() => resolve(port));
    });
  });
}

const secondsBetween = (a: string, b: string) => (new Date(a).getTime() - new Date(b).getTime()) / 1000;

describe.each([
  ["far in the future", "2041-03-02T09:30:00.000Z"],
  ["in the past (the 2009 programme)", "2009-07-17T10:00:00.000Z"],
])("R-71 the outbox worker keeps the service's clock, CLOCK_NOW %s", (_when, clockNow) => {
  it("delivers a queued email to a real SMTP server on loopback, stamped sent by the same clock", async () => {
    const db = await createTestDb();
    const smtp = await startSmtpServer();
    try {
      process.env.CLOCK_NOW = clockNow;
      const id = await queueEmail(db);
      startServersWorker(db, smtp.url, clockNow);
      expect(await until(() => smtp.received.length === 1, 5_000), "the email reached the SMTP server").toBe(true);
      expect(smtp.received[0].subject).toBe("Expression of interest received");
      expect(await until(async () => (await db("email_outbox").where({ id }).first()).status === "sent", 2_000)).toBe(true);
      const row = await db("email_outbox").where({ id }).first();
      expect(row).toMatchObject({ status: "sent", attempts: 1, created_at: clockNow });
      expect(secondsBetween(row.sent_at, clockNow)).toBeGreaterThanOrEqual(0);
      expect(secondsBetween(row.sent_at, clockNow)).toBeLessThan(60);
    } finally {
      await smtp.close();
    }
  });

  it("retries a failed send after its back-off on the same clock, and delivers it once", async () => {
    const db = await createTestDb();
    const port = await reservePort(); // nothing listens yet: connection refused
    process.env.CLOCK_NOW = clockNow;
    const id = await queueEmail(db);
    startServersWorker(db, `smtp://127.0.0.1:${port}`, clockNow);
    expect(await until(async () => (await db("email_outbox").where({ id }).first()).attempts >= 1, 5_000)).toBe(true);
    const failed = await db("email_outbox").where({ id }).first();
    expect(failed).toMatchObject({ status: "pending", attempts: 1, locked_until: null });
    expect(failed.last_error).toMatch(/ECONNREFUSED/);
    // The first back-off is 30 s from the failure, by the service's clock.
    expect(secondsBetween(failed.next_attempt_at, clockNow)).toBeGreaterThanOrEqual(30);
    expect(secondsBetween(failed.next_attempt_at, clockNow)).toBeLessThan(90);

    const smtp = await startSmtpServer(port);
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.received, "not before its back-off has passed").toHaveLength(0);
      // The demo's clock is moved on past the back-off: the retry falls due and is delivered.
      process.env.CLOCK_NOW = new Date(new Date(clockNow).getTime() + 31 * 60_000).toISOString();
      expect(await until(() => smtp.received.length === 1, 5_000), "the retry reached the SMTP server").toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.received).toHaveLength(1);
      expect(await db("email_outbox").where({ id }).first()).toMatchObject({ status: "sent", attempts: 2, last_error: null });
    } finally {
      await smtp.close();
    }
  });
});

import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { renderEmail } from "../../emails/layout";
import { enqueueEmail } from "../../emails/outbox.server";
import { deliverDueEmails, fileTransport, smtpTransport, startOutboxWorker } from "../../emails/sender.server";
import { createTestDb } from "../setup/db";
import { startSmtpServer } from "../setup/smtp";

const t0 = new Date("2009-07-17T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** Queues n emails one after another, so that "Test message i" gets outbox id i (at once, PostgreSQL's pool may number them in another order). */
async function queue(db: Parameters<typeof enqueueEmail>[0], n: number, withAttachment = false) {
  for (let i = 0; i < n; i += 1) {
    await enqueueEmail(db, {
      ...renderEmail(`Test message ${i + 1}`, [{ kind: "paragraph", text: `Body <${i + 1}>` }]),
      to: `officer${i + 1}@example.gov.uk`,
      template: "test",
      attachments: withAttachment ? [{ filename: "eoi.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.4 test") }] : undefined,
      now: t0,
    });
  }
}

describe("R-71 email outbox", () => {
  it("delivers a queued email, with its attachment, to a real SMTP server on loopback", async () => {
    const db = await createTestDb();
    const smtp = await startSmtpServer();
    try {
      await queue(db, 1, true);
      expect(await deliverDueEmails(db, smtpTransport(smtp.url), t0)).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail.subject).toBe("Test message 1");
      expect(mail.text).toContain("Body <1>");
      expect(mail.html).toContain("Body &lt;1&gt;");
      expect(mail.attachments.map((a) => a.filename)).toEqual(["eoi.pdf"]);
      expect(mail.messageId).toBe("<outbox-1@toolkit-pilots.service>");
      const row = await db("email_outbox").first();
      expect(row).toMatchObject({ status: "sent", attempts: 1 });
    } finally {
      await smtp.close();
    }
  });

  it("keeps retrying while the SMTP server is down and delivers every email exactly once after it recovers", async () => {
    const db = await createTestDb();
    const probe = await startSmtpServer();
    const port = probe.port;
    await probe.close(); // the server is now down
    await queue(db, 3);
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);

    expect(await deliverDueEmails(db, transport, t0)).toEqual({ sent: 0, failed: 3 });
    // Not due again until the back-off has passed.
    expect(await deliverDueEmails(db, transport, later(0.1))).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueEmails(db, transport, later(1))).toEqual({ sent: 0, failed: 3 });
    const pending = await db("email_outbox").select("status", "attempts", "last_error");
    expect(pending.every((r) => r.status === "pending" && r.attempts === 2 && /ECONNREFUSED/.test(r.last_error))).toBe(true);

    const smtp = await startSmtpServer(port); // recovery
    try {
      expect(await deliverDueEmails(db, transport, later(10))).toEqual({ sent: 3, failed: 0 });
      expect(await deliverDueEmails(db, transport, later(60))).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received.map((m) => m.subject).sort()).toEqual(["Test message 1", "Test message 2", "Test message 3"]);
    } finally {
      await smtp.close();
    }
  });

  it("writes each email as an .eml file when no SMTP server is configured", async () => {
    const db = await createTestDb();
    const dir = mkdtempSync(join(tmpdir(), "mail-"));
    await queue(db, 2);
    expect(await deliverDueEmails(db, fileTransport(dir), t0)).toEqual({ sent: 2, failed: 0 });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(["000001.eml", "000002.eml"]);
    const parsed = await simpleParser(readFileSync(join(dir, files[0])));
    expect(parsed.subject).toBe("Test message 1");
    expect((parsed.to as { text: string }).text).toBe("officer1@example.gov.uk");
    const row = await db("email_outbox").where({ id: 1 }).first();
    expect(row.eml_path).toBe(join(dir, "000001.eml"));
  });

  it("the worker delivers queued email when woken, and two workers never send one email twice", async () => {
    const db = await createTestDb();
    const smtp = await startSmtpServer();
    await queue(db, 5);
    const transport = smtpTransport(smtp.url);
    const a = startOutboxWorker(db, transport, { intervalMs: 60_000 });
    const b = startOutboxWorker(db, transport, { intervalMs: 60_000 });
    try {
      for (let i = 0; i < 50 && smtp.received.length < 5; i += 1) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 200));
      expect(smtp.received).toHaveLength(5);
      expect(new Set(smtp.received.map((m) => m.subject)).size).toBe(5);
    } finally {
      await a.stop();
      await b.stop();
      await smtp.close();
    }
  });
});

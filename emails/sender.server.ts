import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Knex } from "knex";
import nodemailer, { type SendMailOptions } from "nodemailer";

export interface MailTransport {
  /** Delivers one message; resolves with the Message-ID and, for file delivery, the .eml path. */
  send(message: SendMailOptions): Promise<{ messageId: string; emlPath?: string }>;
}

/** SMTP when SMTP_URL is set; otherwise each message is written as an .eml file. */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport {
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : fileTransport(resolve(env.MAIL_DIR ?? "data/mail"));
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(`${url}${url.includes("?") ? "&" : "?"}${SMTP_TIMEOUTS}`);
  return {
    async send(message) {
      const info = await transporter.sendMail(message);
      return { messageId: info.messageId };
    },
  };
}

export function fileTransport(directory: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await transporter.sendMail(message);
      mkdirSync(directory, { recursive: true });
      const emlPath = join(directory, `${String(message.headers && (message.headers as Record<string, string>)["X-Outbox-Id"]).padStart(6, "0")}.eml`);
      writeFileSync(emlPath, info.message as Buffer);
      return { messageId: info.messageId, emlPath };
    },
  };
}

export const FROM_ADDRESS = process.env.MAIL_FROM ?? "Practitioners' Toolkit pilots <toolkit-pilots@communities.example.gov.uk>";
// A send is bounded by the SMTP timeouts below (at most about 3.5 minutes); the lease outlasts
// it by far, so no other worker can take a row while one is still sending it.
const LEASE_MS = 15 * 60_000;
const SMTP_TIMEOUTS = "connectionTimeout=60000&greetingTimeout=30000&socketTimeout=120000"; // nodemailer reads these from the URL

/** 30 s, 1 min, 2 min … capped at 30 min: retried for ever, never dropped. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

/**
 * Sends every due email once. Each row is first leased (status "sending", locked_until), so two
 * workers never send the same row; a worker that dies mid-send leaves a lease that expires and
 * the row is tried again. The Message-ID is fixed per row, so a receiver can recognise a resend.
 */
export async function deliverDueEmails(db: Knex, transport: MailTransport, at: Date | (() => Date), batch = 20): Promise<{ sent: number; failed: number }> {
  const now = typeof at === "function" ? at() : at;
  const nowIso = now.toISOString();
  const due = await db("email_outbox")
    .whereIn("status", ["pending", "sending"])
    .where("next_attempt_at", "<=", nowIso)
    .where((q) => q.whereNull("locked_until").orWhere("locked_until", "<", nowIso))
    .orderBy([{ column: "next_attempt_at" }, { column: "id" }])
    .limit(batch);
  let sent = 0;
  let failed = 0;
  // A batch can take a while (slow SMTP): each lease starts from the time it is taken, not from
  // the start of the batch, or it could already have run out and another worker send it too.
  const startedAt = Date.now();
  const clock = typeof at === "function" ? at : () => new Date(now.getTime() + (Date.now() - startedAt));
  for (const row of due) {
    const leaseFrom = clock();
    const leased = await db("email_outbox")
      .where({ id: row.id })
      .where((q) => q.whereNull("locked_until").orWhere("locked_until", "<", leaseFrom.toISOString()))
      .whereIn("status", ["pending", "sending"])
      .update({ status: "sending", locked_until: new Date(leaseFrom.getTime() + LEASE_MS).toISOString() });
    if (leased !== 1) continue;
    try {
      const attachments = row.attachments_json
        ? (JSON.parse(row.attachments_json) as Array<{ filename: string; contentType: string; contentBase64: string }>).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.contentBase64, "base64"),
          }))
        : undefined;
      const result = await transport.send({
        from: FROM_ADDRESS,
        to: row.to_address,
        cc: row.cc ?? undefined,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        attachments,
        messageId: `<outbox-${row.id}@toolkit-pilots.service>`,
        headers: { "X-Outbox-Id": String(row.id) },
      });
      await db("email_outbox")
        .where({ id: row.id })
        .update({ status: "sent", sent_at: clock().toISOString(), locked_until: null, attempts: Number(row.attempts) + 1, message_id: result.messageId, eml_path: result.emlPath ?? null, last_error: null });
      sent += 1;
    } catch (error) {
      const attempts = Number(row.attempts) + 1;
      await db("email_outbox")
        .where({ id: row.id })
        .update({
          status: "pending",
          locked_until: null,
          attempts,
          next_attempt_at: new Date(clock().getTime() + retryDelayMs(attempts)).toISOString(),
          last_error: String((error as Error)?.message ?? error).slice(0, 1000),
        });
      failed += 1;
    }
  }
  return { sent, failed };
}

export interface OutboxWorker {
  wake(): void;
  stop(): Promise<void>;
}

/** Polls the outbox every `intervalMs`; `wake()` asks for a run now (after an enqueue). */
export function startOutboxWorker(db: Knex, transport: MailTransport, options: { intervalMs?: number; clock?: () => Date } = {}): OutboxWorker {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<unknown> | null = null;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = deliverDueEmails(db, transport, clock)
      .catch((error) => console.error("outbox: delivery run failed", error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, options.intervalMs ?? 2000);
  timer.unref();
  run();
  return {
    wake: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

import type { Knex } from "knex";
import type { RenderedEmail } from "./layout";

export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * an email is first a row in the outbox, written in the same transaction as the change
 * that causes it; the sender delivers it later and retries until it is delivered.
 */
export async function enqueueEmail(
  db: Knex | Knex.Transaction,
  email: RenderedEmail & { to: string; cc?: string[]; template: string; attachments?: Attachment[]; now: Date },
): Promise<number> {
  const [row] = await db("email_outbox")
    .insert({
      to_address: email.to,
      cc: email.cc?.length ? email.cc.join(", ") : null,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html,
      attachments_json: email.attachments?.length
        ? JSON.stringify(email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.content.toString("base64") })))
        : null,
      template: email.template,
      status: "pending",
      attempts: 0,
      next_attempt_at: email.now.toISOString(),
      created_at: email.now.toISOString(),
    })
    .returning("id");
  return Number(typeof row === "object" ? row.id : row);
}

export interface OutboxRow {
  id: number;
  toAddress: string;
  subject: string;
  template: string;
  status: string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
  emlPath: string | null;
}

export async function listOutbox(db: Knex, limit = 200): Promise<OutboxRow[]> {
  const rows = await db("email_outbox")
    .select("id", "to_address", "subject", "template", "status", "attempts", "created_at", "sent_at", "last_error", "eml_path")
    .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }])
    .limit(limit);
  return rows.map((r) => ({
    id: Number(r.id),
    toAddress: r.to_address,
    subject: r.subject,
    template: r.template,
    status: r.status,
    attempts: Number(r.attempts),
    createdAt: r.created_at,
    sentAt: r.sent_at,
    lastError: r.last_error,
    emlPath: r.eml_path,
  }));
}

export async function findOutboxEmail(db: Knex, id: number) {
  return db("email_outbox").where({ id }).first();
}

import type { Knex } from "knex";
import { isUniqueViolation } from "~/data/users.server";
import { emptyAnswers, readAnswers, type ReportAnswers, type ReportStatus } from "~/domain/monitoring/reports";

// R-61 Quarterly reports (one row per pilot and quarter, once someone starts writing it), their
// review trail (append-only) and the reminders sent (unique per pilot, quarter and kind).

type Db = Knex | Knex.Transaction;

export interface QuarterlyReport {
  id: number;
  awardId: number;
  quarter: string;
  status: ReportStatus;
  answers: ReportAnswers;
  spendPence: number | null;
  version: number;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  submittedBy: number | null;
  submittedAt: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
}

export interface ReportReview {
  id: number;
  reportId: number;
  event: "submitted" | "queried" | "answered" | "accepted";
  comments: string;
  byUser: number;
  byName: string;
  at: string;
}

/** Someone else saved the report since this form was loaded (R-30-style optimistic concurrency). */
export class StaleReportError extends Error {}

function toReport(row: Record<string, unknown>): QuarterlyReport {
  let answers = emptyAnswers();
  try {
    answers = readAnswers(JSON.parse(String(row.answers_json ?? "{}")) as Record<string, unknown>);
  } catch {
    // keep the empty answers: a row is never unreadable to the page
  }
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    id: Number(row.id),
    awardId: Number(row.award_id),
    quarter: String(row.quarter),
    status: row.status as ReportStatus,
    answers,
    spendPence: num(row.spend_pence),
    version: Number(row.version),
    createdBy: Number(row.created_by),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    submittedBy: num(row.submitted_by),
    submittedAt: (row.submitted_at as string | null) ?? null,
    decidedBy: num(row.decided_by),
    decidedAt: (row.decided_at as string | null) ?? null,
  };
}

export async function findReport(db: Db, id: number): Promise<QuarterlyReport | null> {
  const row = await db("quarterly_reports").where({ id }).first();
  return row ? toReport(row) : null;
}

export async function findReportFor(db: Db, awardId: number, quarter: string): Promise<QuarterlyReport | null> {
  const row = await db("quarterly_reports").where({ award_id: awardId, quarter }).first();
  return row ? toReport(row) : null;
}

export async function listReportsForAward(db: Db, awardId: number): Promise<QuarterlyReport[]> {
  return (await db("quarterly_reports").where({ award_id: awardId }).orderBy([{ column: "quarter" }, { column: "id" }])).map(toReport);
}

export async function listReportsForAwards(db: Db, awardIds: number[]): Promise<QuarterlyReport[]> {
  if (!awardIds.length) return [];
  return (await db("quarterly_reports").whereIn("award_id", awardIds).orderBy([{ column: "award_id" }, { column: "quarter" }, { column: "id" }])).map(toReport);
}

/** The first save of a quarter's report (version 1). Two first saves at once: the second is stale. */
export async function insertReport(db: Db, input: { awardId: number; quarter: string; answers: ReportAnswers; spendPence: number | null; by: number; at: Date }): Promise<QuarterlyReport> {
  try {
    const [row] = await db("quarterly_reports")
      .insert({ award_id: input.awardId, quarter: input.quarter, status: "draft", answers_json: JSON.stringify(input.answers), spend_pence: input.spendPence, version: 1, created_by: input.by, created_at: input.at.toISOString(), updated_at: input.at.toISOString() })
      .returning("id");
    return (await findReport(db, Number(typeof row === "object" ? row.id : row)))!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new StaleReportError("the report was started by someone else");
    throw error;
  }
}

/**
 * Saves the answers (and optionally a new status) only if the report is still at `version`;
 * otherwise StaleReportError and nothing changes.
 */
export async function updateReport(db: Db, input: { id: number; version: number; answers: ReportAnswers; spendPence: number | null; status?: ReportStatus; submittedBy?: number; at: Date }): Promise<QuarterlyReport> {
  const changes: Record<string, unknown> = { answers_json: JSON.stringify(input.answers), spend_pence: input.spendPence, version: input.version + 1, updated_at: input.at.toISOString() };
  if (input.status) changes.status = input.status;
  if (input.submittedBy !== undefined) Object.assign(changes, { submitted_by: input.submittedBy, submitted_at: input.at.toISOString() });
  const updated = await db("quarterly_reports").where({ id: input.id, version: input.version }).update(changes);
  if (updated !== 1) throw new StaleReportError("the report changed since the form was loaded");
  return (await findReport(db, input.id))!;
}

/** The programme team's decision; conditional on the report still being submitted at `version`. */
export async function decideReport(db: Db, input: { id: number; version: number; status: "queried" | "accepted"; by: number; at: Date }): Promise<boolean> {
  const updated = await db("quarterly_reports")
    .where({ id: input.id, version: input.version, status: "submitted" })
    .update({ status: input.status, version: input.version + 1, decided_by: input.by, decided_at: input.at.toISOString(), updated_at: input.at.toISOString() });
  return updated === 1;
}

export async function insertReportReview(db: Db, input: { reportId: number; event: ReportReview["event"]; comments?: string; by: number; at: Date }): Promise<void> {
  await db("report_reviews").insert({ report_id: input.reportId, event: input.event, comments: input.comments ?? "", by_user: input.by, at: input.at.toISOString() });
}

export async function listReportReviews(db: Db, reportId: number): Promise<ReportReview[]> {
  const rows = await db("report_reviews")
    .join("users", "users.id", "report_reviews.by_user")
    .where({ report_id: reportId })
    .select("report_reviews.*", "users.name as by_name")
    .orderBy([{ column: "report_reviews.at" }, { column: "report_reviews.id" }]);
  return rows.map((r) => ({ id: Number(r.id), reportId: Number(r.report_id), event: r.event, comments: String(r.comments ?? ""), byUser: Number(r.by_user), byName: String(r.by_name), at: String(r.at) }));
}

/**
 * R-61 Claims the right to send one reminder (or overdue notice) for a pilot's quarter: true for
 * exactly one caller, however many workers try at once (the unique index on award, quarter, kind).
 */
export async function claimReminder(db: Db, input: { awardId: number; quarter: string; kind: "reminder" | "overdue"; at: Date }): Promise<number | null> {
  const rows = await db("report_reminders")
    .insert({ award_id: input.awardId, quarter: input.quarter, kind: input.kind, sent_at: input.at.toISOString() })
    .onConflict(["award_id", "quarter", "kind"])
    .ignore()
    .returning("id");
  const row = rows[0] as { id: number } | number | undefined;
  return row === undefined ? null : Number(typeof row === "object" ? row.id : row);
}

export async function setReminderEmail(db: Db, id: number, emailId: number): Promise<void> {
  await db("report_reminders").where({ id }).update({ email_id: emailId });
}

export async function listReminders(db: Db, awardId: number): Promise<Array<{ quarter: string; kind: string; sentAt: string; emailId: number | null }>> {
  const rows = await db("report_reminders").where({ award_id: awardId }).orderBy([{ column: "sent_at" }, { column: "id" }]);
  return rows.map((r) => ({ quarter: r.quarter, kind: r.kind, sentAt: r.sent_at, emailId: r.email_id === null ? null : Number(r.email_id) }));
}

/**
 * Takes the write lock for a pilot's reports before anything is read: on SQLite the first
 * statement of the transaction writes, so the database's lock is held at once (a deferred
 * transaction that reads first can fail to upgrade with SQLITE_BUSY); on PostgreSQL it locks the
 * award's row, so two saves of one pilot's report queue rather than interleave.
 */
export async function lockAwardForReports(db: Db, awardId: number): Promise<void> {
  await db.raw("UPDATE grant_awards SET id = id WHERE id = ?", [awardId]);
}

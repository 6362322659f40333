import type { Knex } from "knex";

// Stage 4, read only: what the programme dashboard and the monitoring exports read
// of every pilot at once. The pilots' own pages write these tables through their own
// repositories; nothing here writes. Every list query ends its ORDER BY with an id.

type Db = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

const str = (value: unknown) => (value === null || value === undefined ? "" : String(value));
const nullableStr = (value: unknown) => (value === null || value === undefined ? null : String(value));
const nullableNum = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export interface OutputUpdateRow {
  id: number;
  awardId: number;
  outputKey: string;
  status: string;
  summary: string;
  evidenceLink: string | null;
  uploadName: string | null;
  createdBy: string;
  createdAt: string;
}

/** R-60 Every update of the pilots' outputs, oldest first (the last one per output is its status). */
export async function listOutputUpdates(db: Db, awardIds: number[]): Promise<OutputUpdateRow[]> {
  if (!awardIds.length) return [];
  const rows: Row[] = await db("output_updates")
    .leftJoin("users", "users.id", "output_updates.created_by")
    .leftJoin("uploads", "uploads.id", "output_updates.upload_id")
    .whereIn("output_updates.award_id", awardIds)
    .orderBy([{ column: "output_updates.award_id" }, { column: "output_updates.output_key" }, { column: "output_updates.created_at" }, { column: "output_updates.id" }])
    .select("output_updates.*", "users.name as created_by_name", "uploads.original_name as upload_name");
  return rows.map((row) => ({
    id: Number(row.id),
    awardId: Number(row.award_id),
    outputKey: str(row.output_key),
    status: str(row.status),
    summary: str(row.summary),
    evidenceLink: nullableStr(row.evidence_link),
    uploadName: nullableStr(row.upload_name),
    createdBy: str(row.created_by_name),
    createdAt: str(row.created_at),
  }));
}

/** The latest update of each output: "awardId:key" → that update. */
export function latestUpdates(updates: OutputUpdateRow[]): Map<string, OutputUpdateRow> {
  const latest = new Map<string, OutputUpdateRow>();
  for (const update of updates) {
    const key = `${update.awardId}:${update.outputKey}`;
    const current = latest.get(key);
    if (!current || update.createdAt > current.createdAt || (update.createdAt === current.createdAt && update.id > current.id)) latest.set(key, update);
  }
  return latest;
}

export interface OutputRecordRow {
  id: number;
  awardId: number;
  outputKey: string;
  kind: string;
  /** As stored: read it with parseStoredRecord (app/domain/monitoring/output-records.ts). */
  dataJson: string;
  uploadName: string | null;
  createdBy: string;
  createdAt: string;
}

/** R-60 The output-specific records (B events, C members, D figures, E proposals, F returns). */
export async function listOutputRecords(db: Db, awardIds: number[]): Promise<OutputRecordRow[]> {
  if (!awardIds.length) return [];
  const rows: Row[] = await db("output_records")
    .leftJoin("users", "users.id", "output_records.created_by")
    .leftJoin("uploads", "uploads.id", "output_records.upload_id")
    .whereIn("output_records.award_id", awardIds)
    .orderBy([{ column: "output_records.award_id" }, { column: "output_records.output_key" }, { column: "output_records.created_at" }, { column: "output_records.id" }])
    .select("output_records.*", "users.name as created_by_name", "uploads.original_name as upload_name");
  return rows.map((row) => ({ id: Number(row.id), awardId: Number(row.award_id), outputKey: str(row.output_key), kind: str(row.kind), dataJson: str(row.data_json), uploadName: nullableStr(row.upload_name), createdBy: str(row.created_by_name), createdAt: str(row.created_at) }));
}

export interface ReportRow {
  id: number;
  awardId: number;
  quarter: string;
  status: string;
  answers: Record<string, unknown>;
  spendPence: number | null;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** R-61 The pilots' quarterly reports (a row exists once a pilot starts a quarter's report). */
export async function listReports(db: Db, awardIds: number[]): Promise<ReportRow[]> {
  if (!awardIds.length) return [];
  const rows: Row[] = await db("quarterly_reports")
    .leftJoin("users as submitter", "submitter.id", "quarterly_reports.submitted_by")
    .leftJoin("users as decider", "decider.id", "quarterly_reports.decided_by")
    .whereIn("quarterly_reports.award_id", awardIds)
    .orderBy([{ column: "quarterly_reports.award_id" }, { column: "quarterly_reports.quarter" }, { column: "quarterly_reports.id" }])
    .select("quarterly_reports.*", "submitter.name as submitted_by_name", "decider.name as decided_by_name");
  return rows.map((row) => {
    let answers: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(str(row.answers_json) || "{}") as unknown;
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) answers = parsed as Record<string, unknown>;
    } catch {
      answers = {};
    }
    return {
      id: Number(row.id),
      awardId: Number(row.award_id),
      quarter: str(row.quarter),
      status: str(row.status),
      answers,
      spendPence: nullableNum(row.spend_pence),
      updatedAt: str(row.updated_at),
      submittedBy: nullableStr(row.submitted_by_name),
      submittedAt: nullableStr(row.submitted_at),
      decidedBy: nullableStr(row.decided_by_name),
      decidedAt: nullableStr(row.decided_at),
    };
  });
}

export interface ReportReviewRow {
  id: number;
  reportId: number;
  event: string;
  comments: string;
  by: string;
  at: string;
}

/** R-61 The trail of each report: submitted, queried, answered, accepted. */
export async function listReportReviews(db: Db, reportIds: number[]): Promise<ReportReviewRow[]> {
  if (!reportIds.length) return [];
  const rows: Row[] = await db("report_reviews")
    .leftJoin("users", "users.id", "report_reviews.by_user")
    .whereIn("report_reviews.report_id", reportIds)
    .orderBy([{ column: "report_reviews.report_id" }, { column: "report_reviews.at" }, { column: "report_reviews.id" }])
    .select("report_reviews.*", "users.name as by_name");
  return rows.map((row) => ({ id: Number(row.id), reportId: Number(row.report_id), event: str(row.event), comments: str(row.comments), by: str(row.by_name), at: str(row.at) }));
}

export interface ClaimRow {
  id: number;
  awardId: number;
  amountPence: number;
  periodStart: string;
  periodEnd: string;
  spendEvidence: string;
  uploadName: string | null;
  status: string;
  submittedBy: string;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** R-62 The pilots' grant claims, in the order they were made. */
export async function listClaims(db: Db, awardIds: number[]): Promise<ClaimRow[]> {
  if (!awardIds.length) return [];
  const rows: Row[] = await db("grant_claims")
    .leftJoin("users as submitter", "submitter.id", "grant_claims.submitted_by")
    .leftJoin("users as decider", "decider.id", "grant_claims.decided_by")
    .leftJoin("uploads", "uploads.id", "grant_claims.upload_id")
    .whereIn("grant_claims.award_id", awardIds)
    .orderBy([{ column: "grant_claims.submitted_at" }, { column: "grant_claims.id" }])
    .select("grant_claims.*", "submitter.name as submitted_by_name", "decider.name as decided_by_name", "uploads.original_name as upload_name");
  return rows.map((row) => ({
    id: Number(row.id),
    awardId: Number(row.award_id),
    amountPence: Number(row.amount_pence),
    periodStart: str(row.period_start),
    periodEnd: str(row.period_end),
    spendEvidence: str(row.spend_evidence),
    uploadName: nullableStr(row.upload_name),
    status: str(row.status),
    submittedBy: str(row.submitted_by_name),
    submittedAt: str(row.submitted_at),
    decidedBy: nullableStr(row.decided_by_name),
    decidedAt: nullableStr(row.decided_at),
    decisionReason: nullableStr(row.decision_reason),
  }));
}

export interface HealthCheckRow {
  id: number;
  awardId: number;
  visitDate: string;
  status: string;
  agreedAt: string | null;
}

/** R-63 The health check visits (at most one per pilot). */
export async function listHealthChecks(db: Db, awardIds: number[]): Promise<HealthCheckRow[]> {
  if (!awardIds.length) return [];
  const rows: Row[] = await db("health_check_visits").whereIn("award_id", awardIds).orderBy([{ column: "award_id" }, { column: "id" }]).select("id", "award_id", "visit_date", "status", "agreed_at");
  return rows.map((row) => ({ id: Number(row.id), awardId: Number(row.award_id), visitDate: str(row.visit_date), status: str(row.status), agreedAt: nullableStr(row.agreed_at) }));
}

/** R-63 A pilot's CSE evidence still in place (not removed): the element each item is for. */
export async function listCseEvidenceElements(db: Db, awardId: number): Promise<Array<{ elementId: string }>> {
  const rows: Row[] = await db("cse_evidence").where({ award_id: awardId }).whereNull("removed_at").orderBy([{ column: "element_id" }, { column: "id" }]).select("element_id");
  return rows.map((row) => ({ elementId: str(row.element_id) }));
}

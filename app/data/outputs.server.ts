import type { Knex } from "knex";
import { isOutputStatus, type OutputStatus } from "~/domain/monitoring/outputs";

// R-60 The outputs' history: dated updates (output_updates) and output-specific records
// (output_records). Both tables are append-only: an output's status is its latest update.
// Every list query ends its ORDER BY with an id.

type Db = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

const idOf = (row: unknown): number => Number(typeof row === "object" && row !== null ? (row as { id: unknown }).id : row);
const nullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export interface OutputUpdateRow {
  id: number;
  awardId: number;
  outputKey: string;
  status: OutputStatus;
  summary: string;
  evidenceLink: string | null;
  uploadId: number | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
}

export interface OutputRecordRow {
  id: number;
  awardId: number;
  outputKey: string;
  kind: string;
  dataJson: string;
  uploadId: number | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
}

function toUpdate(row: Row): OutputUpdateRow {
  const status = String(row.status);
  return {
    id: Number(row.id),
    awardId: Number(row.award_id),
    outputKey: String(row.output_key),
    status: isOutputStatus(status) ? status : "not-started",
    summary: String(row.summary),
    evidenceLink: row.evidence_link === null || row.evidence_link === undefined ? null : String(row.evidence_link),
    uploadId: nullableNumber(row.upload_id),
    createdBy: Number(row.created_by),
    createdByName: String(row.created_by_name ?? ""),
    createdAt: String(row.created_at),
  };
}

function toRecord(row: Row): OutputRecordRow {
  return {
    id: Number(row.id),
    awardId: Number(row.award_id),
    outputKey: String(row.output_key),
    kind: String(row.kind),
    dataJson: String(row.data_json),
    uploadId: nullableNumber(row.upload_id),
    createdBy: Number(row.created_by),
    createdByName: String(row.created_by_name ?? ""),
    createdAt: String(row.created_at),
  };
}

export async function insertOutputUpdate(
  db: Db,
  input: { awardId: number; outputKey: string; status: OutputStatus; summary: string; evidenceLink: string | null; uploadId: number | null; by: number; at: Date },
): Promise<number> {
  const [row] = await db("output_updates")
    .insert({ award_id: input.awardId, output_key: input.outputKey, status: input.status, summary: input.summary, evidence_link: input.evidenceLink, upload_id: input.uploadId, created_by: input.by, created_at: input.at.toISOString() })
    .returning("id");
  return idOf(row);
}

export async function insertOutputRecord(db: Db, input: { awardId: number; outputKey: string; kind: string; data: unknown; uploadId?: number | null; by: number; at: Date }): Promise<number> {
  const [row] = await db("output_records")
    .insert({ award_id: input.awardId, output_key: input.outputKey, kind: input.kind, data_json: JSON.stringify(input.data), upload_id: input.uploadId ?? null, created_by: input.by, created_at: input.at.toISOString() })
    .returning("id");
  return idOf(row);
}

/** A pilot's updates, newest first (by time, then id), optionally of one output. */
export async function listOutputUpdates(db: Db, awardId: number, outputKey?: string): Promise<OutputUpdateRow[]> {
  const query = db("output_updates").leftJoin("users", "users.id", "output_updates.created_by").where("output_updates.award_id", awardId).select("output_updates.*", "users.name as created_by_name");
  if (outputKey) query.andWhere("output_updates.output_key", outputKey);
  const rows = await query.orderBy([{ column: "output_updates.created_at", order: "desc" }, { column: "output_updates.id", order: "desc" }]);
  return rows.map(toUpdate);
}

/** A pilot's records, oldest first (by time, then id), optionally of one output. */
export async function listOutputRecords(db: Db, awardId: number, outputKey?: string): Promise<OutputRecordRow[]> {
  const query = db("output_records").leftJoin("users", "users.id", "output_records.created_by").where("output_records.award_id", awardId).select("output_records.*", "users.name as created_by_name");
  if (outputKey) query.andWhere("output_records.output_key", outputKey);
  const rows = await query.orderBy([{ column: "output_records.created_at", order: "asc" }, { column: "output_records.id", order: "asc" }]);
  return rows.map(toRecord);
}

/**
 * R-60 R-64 The latest update's status of every output of these pilots: award id → output key →
 * status (an output without updates is absent). The latest is the last by time, then by id.
 */
export async function latestOutputStatuses(db: Db, awardIds: number[]): Promise<Map<number, Map<string, { status: OutputStatus; at: string }>>> {
  const result = new Map<number, Map<string, { status: OutputStatus; at: string }>>();
  if (!awardIds.length) return result;
  const rows = await db("output_updates").whereIn("award_id", awardIds).select("award_id", "output_key", "status", "created_at", "id").orderBy([{ column: "award_id" }, { column: "output_key" }, { column: "created_at" }, { column: "id" }]);
  for (const row of rows as Row[]) {
    const status = String(row.status);
    if (!isOutputStatus(status)) continue;
    const awardId = Number(row.award_id);
    if (!result.has(awardId)) result.set(awardId, new Map());
    result.get(awardId)!.set(String(row.output_key), { status, at: String(row.created_at) }); // later rows overwrite earlier ones
  }
  return result;
}

import type { Knex } from "knex";

// R-63 Repository of the CSE-focus pilot's evidence against the 57 CSE elements. Evidence is
// removed softly (removed_at), so the audit trail and the record agree; every query is scoped by
// the pilot's award and ordered with an id tie-breaker.

type Db = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

export interface CseEvidence {
  id: number;
  awardId: number;
  elementId: string;
  evidence: string;
  link: string | null;
  uploadId: number | null;
  /** The evidence file's name as the officer's computer named it, when there is a file. */
  fileName: string | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
}

function toEvidence(row: Row): CseEvidence {
  return {
    id: Number(row.id),
    awardId: Number(row.award_id),
    elementId: String(row.element_id),
    evidence: String(row.evidence),
    link: row.evidence_link === null || row.evidence_link === undefined ? null : String(row.evidence_link),
    uploadId: row.upload_id === null || row.upload_id === undefined ? null : Number(row.upload_id),
    fileName: row.file_name === null || row.file_name === undefined ? null : String(row.file_name),
    createdBy: Number(row.created_by),
    createdByName: String(row.created_by_name ?? ""),
    createdAt: String(row.created_at),
  };
}

/** The pilot's evidence in place (not removed), by element then when added; optionally one element's. */
export async function listCseEvidence(db: Db, input: { awardId: number; elementId?: string }): Promise<CseEvidence[]> {
  const query = db("cse_evidence")
    .leftJoin("users", "users.id", "cse_evidence.created_by")
    .leftJoin("uploads", "uploads.id", "cse_evidence.upload_id")
    .where("cse_evidence.award_id", input.awardId)
    .whereNull("cse_evidence.removed_at")
    .select("cse_evidence.*", "users.name as created_by_name", "uploads.original_name as file_name");
  if (input.elementId) query.where("cse_evidence.element_id", input.elementId);
  const rows = await query.orderBy([{ column: "cse_evidence.element_id" }, { column: "cse_evidence.created_at" }, { column: "cse_evidence.id" }]);
  return rows.map(toEvidence);
}

export async function insertCseEvidence(db: Db, input: { awardId: number; elementId: string; evidence: string; link: string | null; uploadId?: number | null; by: number; at: Date }): Promise<number> {
  const [row] = await db("cse_evidence")
    .insert({ award_id: input.awardId, element_id: input.elementId, evidence: input.evidence, evidence_link: input.link, upload_id: input.uploadId ?? null, created_by: input.by, created_at: input.at.toISOString() })
    .returning("id");
  return Number(typeof row === "object" ? row.id : row);
}

/** Soft removal, only of the pilot's own evidence still in place; false when there is none such. */
export async function markCseEvidenceRemoved(db: Db, input: { awardId: number; elementId: string; id: number; at: Date }): Promise<boolean> {
  const changed = await db("cse_evidence").where({ id: input.id, award_id: input.awardId, element_id: input.elementId }).whereNull("removed_at").update({ removed_at: input.at.toISOString() });
  return changed === 1;
}

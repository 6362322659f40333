import type { Knex } from "knex";
import type { ClaimStatus } from "~/domain/monitoring/claims";

// R-62 Grant claims against an award.

type Db = Knex | Knex.Transaction;

export interface GrantClaim {
  id: number;
  awardId: number;
  amountPence: number;
  periodStart: string;
  periodEnd: string;
  spendEvidence: string;
  uploadId: number | null;
  /** The evidence file's name, as the officer's computer named it. */
  uploadName: string | null;
  status: ClaimStatus;
  submittedBy: number;
  submittedByName: string;
  submittedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

const toClaim = (r: Record<string, unknown>): GrantClaim => ({
  id: Number(r.id),
  awardId: Number(r.award_id),
  amountPence: Number(r.amount_pence),
  periodStart: String(r.period_start),
  periodEnd: String(r.period_end),
  spendEvidence: String(r.spend_evidence),
  uploadId: r.upload_id === null || r.upload_id === undefined ? null : Number(r.upload_id),
  uploadName: (r.upload_name as string | null) ?? null,
  status: r.status as ClaimStatus,
  submittedBy: Number(r.submitted_by),
  submittedByName: String(r.submitted_by_name ?? ""),
  submittedAt: String(r.submitted_at),
  decidedBy: r.decided_by === null || r.decided_by === undefined ? null : Number(r.decided_by),
  decidedAt: (r.decided_at as string | null) ?? null,
  decisionReason: (r.decision_reason as string | null) ?? null,
});

const base = (db: Db) =>
  db("grant_claims")
    .join("users", "users.id", "grant_claims.submitted_by")
    .leftJoin("uploads", "uploads.id", "grant_claims.upload_id")
    .select("grant_claims.*", "users.name as submitted_by_name", "uploads.original_name as upload_name");

export async function findClaim(db: Db, id: number): Promise<GrantClaim | null> {
  const row = await base(db).where("grant_claims.id", id).first();
  return row ? toClaim(row) : null;
}

/** A pilot's claims, oldest first. */
export async function listClaimsForAward(db: Db, awardId: number): Promise<GrantClaim[]> {
  return (await base(db).where("grant_claims.award_id", awardId).orderBy([{ column: "grant_claims.submitted_at" }, { column: "grant_claims.id" }])).map(toClaim);
}

export async function listClaimsForAwards(db: Db, awardIds: number[]): Promise<GrantClaim[]> {
  if (!awardIds.length) return [];
  return (await base(db).whereIn("grant_claims.award_id", awardIds).orderBy([{ column: "grant_claims.submitted_at" }, { column: "grant_claims.id" }])).map(toClaim);
}

export async function insertClaim(db: Db, input: { awardId: number; amountPence: number; periodStart: string; periodEnd: string; spendEvidence: string; uploadId?: number | null; by: number; at: Date }): Promise<number> {
  const [row] = await db("grant_claims")
    .insert({ award_id: input.awardId, amount_pence: input.amountPence, period_start: input.periodStart, period_end: input.periodEnd, spend_evidence: input.spendEvidence, upload_id: input.uploadId ?? null, status: "submitted", submitted_by: input.by, submitted_at: input.at.toISOString() })
    .returning("id");
  return Number(typeof row === "object" ? row.id : row);
}

/** Decides a claim that is still waiting; false when someone decided it first. */
export async function decideClaim(db: Db, input: { id: number; status: "approved" | "rejected"; reason: string | null; by: number; at: Date }): Promise<boolean> {
  const updated = await db("grant_claims").where({ id: input.id, status: "submitted" }).update({ status: input.status, decision_reason: input.reason, decided_by: input.by, decided_at: input.at.toISOString() });
  return updated === 1;
}

/**
 * R-62 Takes the award's write lock before anything is read: on SQLite the first statement of the
 * transaction writes, so the database's lock is held at once (a deferred transaction that reads
 * first can fail to upgrade); on PostgreSQL it locks the award's row. Every other claim or approval
 * of the pilot waits here, so the totals read next include every claim committed before.
 */
export async function lockAwardForClaims(db: Db, awardId: number): Promise<void> {
  await db.raw("UPDATE grant_awards SET id = id WHERE id = ?", [awardId]);
}

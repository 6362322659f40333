import type { Knex } from "knex";
import { isUniqueViolation } from "~/data/users.server";

// Stage 3 repository: grant awards, their acceptance and what is published of them.
// Every list query ends its ORDER BY with an id.

type Db = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

const idOf = (row: unknown): number => Number(typeof row === "object" && row !== null ? (row as { id: unknown }).id : row);
const nullableString = (value: unknown) => (value === null || value === undefined ? null : String(value));
const nullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export type AwardStatus = "offered" | "accepted";

export interface Award {
  id: number;
  roundId: number;
  applicationId: number;
  authorityId: number;
  authorityName: string;
  authorityCode: string;
  region: string;
  amountPence: number;
  clgRequestPence: number;
  status: AwardStatus;
  awardedBy: number;
  awardedAt: string;
  acceptedBy: number | null;
  acceptedAt: string | null;
  acceptingOfficerName: string | null;
  acceptingOfficerRole: string | null;
  acceptanceDate: string | null;
  pilotStartedAt: string | null;
  healthCheckOfferedAt: string | null;
}

const columns = ["grant_awards.*", "authorities.name as authority_name", "authorities.code as authority_code"];

function toAward(row: Row): Award {
  return {
    id: Number(row.id),
    roundId: Number(row.round_id),
    applicationId: Number(row.application_id),
    authorityId: Number(row.authority_id),
    authorityName: String(row.authority_name ?? ""),
    authorityCode: String(row.authority_code ?? ""),
    region: String(row.region),
    amountPence: Number(row.amount_pence),
    clgRequestPence: Number(row.clg_request_pence),
    status: row.status as AwardStatus,
    awardedBy: Number(row.awarded_by),
    awardedAt: String(row.awarded_at),
    acceptedBy: nullableNumber(row.accepted_by),
    acceptedAt: nullableString(row.accepted_at),
    acceptingOfficerName: nullableString(row.accepting_officer_name),
    acceptingOfficerRole: nullableString(row.accepting_officer_role),
    acceptanceDate: nullableString(row.acceptance_date),
    pilotStartedAt: nullableString(row.pilot_started_at),
    healthCheckOfferedAt: nullableString(row.health_check_offered_at),
  };
}

const awards = (db: Db) => db("grant_awards").join("authorities", "authorities.id", "grant_awards.authority_id");

export async function findAward(db: Db, id: number): Promise<Award | null> {
  const row = await awards(db).where("grant_awards.id", id).first(columns);
  return row ? toAward(row) : null;
}

export async function findAwardForApplication(db: Db, applicationId: number): Promise<Award | null> {
  const row = await awards(db).where("grant_awards.application_id", applicationId).first(columns);
  return row ? toAward(row) : null;
}

/** R-52 The round's awards, in award order. */
export async function listAwards(db: Db, roundId: number): Promise<Award[]> {
  const rows = await awards(db).where("grant_awards.round_id", roundId).select(columns).orderBy([{ column: "grant_awards.awarded_at" }, { column: "grant_awards.id" }]);
  return rows.map(toAward);
}

/** R-54 Every award of every round, in award order (the public 360Giving data). */
export async function listAllAwards(db: Db): Promise<Award[]> {
  const rows = await awards(db).select(columns).orderBy([{ column: "grant_awards.awarded_at" }, { column: "grant_awards.id" }]);
  return rows.map(toAward);
}

/** R-52 What the round has awarded so far, and the award (if any) in one region: read inside the award's transaction. */
export async function awardTotals(db: Db, roundId: number, region: string): Promise<{ totalPence: number; inRegion: { authorityName: string } | null }> {
  const [{ total }] = await db("grant_awards").where({ round_id: roundId }).sum({ total: "amount_pence" });
  const inRegion = await awards(db).where({ "grant_awards.round_id": roundId, "grant_awards.region": region }).orderBy("grant_awards.id").first("authorities.name as authority_name");
  return { totalPence: Number(total ?? 0), inRegion: inRegion ? { authorityName: String(inRegion.authority_name) } : null };
}

/** The unique index refused a second award in a region (or for an application). */
export class DuplicateAwardError extends Error {}

export async function insertAward(
  db: Db,
  input: { roundId: number; applicationId: number; authorityId: number; region: string; amountPence: number; clgRequestPence: number; by: number; at: Date },
): Promise<number> {
  try {
    const [row] = await db("grant_awards")
      .insert({
        round_id: input.roundId,
        application_id: input.applicationId,
        authority_id: input.authorityId,
        region: input.region,
        amount_pence: input.amountPence,
        clg_request_pence: input.clgRequestPence,
        status: "offered",
        awarded_by: input.by,
        awarded_at: input.at.toISOString(),
      })
      .returning("id");
    return idOf(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateAwardError();
    throw error;
  }
}

/** R-53 Records the acceptance, only if the award is still offered; false when it was not. */
export async function markAwardAccepted(
  db: Db,
  input: { awardId: number; userId: number; officerName: string; officerRole: string; acceptanceDate: string; at: Date },
): Promise<boolean> {
  const at = input.at.toISOString();
  const updated = await db("grant_awards").where({ id: input.awardId, status: "offered" }).update({
    status: "accepted",
    accepted_by: input.userId,
    accepted_at: at,
    accepting_officer_name: input.officerName,
    accepting_officer_role: input.officerRole,
    acceptance_date: input.acceptanceDate,
    pilot_started_at: at,
    health_check_offered_at: at,
  });
  return updated === 1;
}

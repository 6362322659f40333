import type { Knex } from "knex";
import { hotRows } from "./hot-sql.server";
import type { EoiAnswers, SectionAnswers, SectionId } from "~/domain/eoi/sections";
import type { EoiState } from "~/domain/eoi/status";

export interface Eoi {
  id: number;
  roundId: number;
  authorityId: number;
  status: EoiState;
  reference: string | null;
  answers: EoiAnswers;
  markedComplete: Partial<Record<SectionId, boolean>>;
  sectionVersions: Partial<Record<SectionId, number>>;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  submittedBy: number | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  deadlineExtendedTo: string | null;
  hardCopyReceivedAt: string | null;
}

type Row = Record<string, unknown>;
const json = <T>(value: unknown, fallback: T): T => (typeof value === "string" && value ? (JSON.parse(value) as T) : fallback);

function toEoi(row: Row): Eoi {
  return {
    id: Number(row.id),
    roundId: Number(row.round_id),
    authorityId: Number(row.authority_id),
    status: row.status as EoiState,
    reference: (row.reference as string | null) ?? null,
    answers: json(row.answers_json, {}),
    markedComplete: json(row.completed_json, {}),
    sectionVersions: json(row.section_versions_json, {}),
    version: Number(row.version),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    submittedAt: (row.submitted_at as string | null) ?? null,
    submittedBy: row.submitted_by === null || row.submitted_by === undefined ? null : Number(row.submitted_by),
    withdrawnAt: (row.withdrawn_at as string | null) ?? null,
    withdrawnReason: (row.withdrawn_reason as string | null) ?? null,
    deadlineExtendedTo: (row.deadline_extended_to as string | null) ?? null,
    hardCopyReceivedAt: (row.hard_copy_received_at as string | null) ?? null,
  };
}

type Db = Knex | Knex.Transaction;

export async function findEoiForAuthority(db: Db, roundId: number, authorityId: number): Promise<Eoi | null> {
  const [row] = await hotRows<Record<string, unknown>>(db, "select * from eois where round_id = ? and authority_id = ? limit 1", [roundId, authorityId]);
  return row ? toEoi(row as never) : null;
}

export async function findEoi(db: Db, id: number): Promise<Eoi | null> {
  const row = await db("eois").where({ id }).first();
  return row ? toEoi(row) : null;
}

/** R-30 Inserts the authority's EOI unless it exists (a second officer joins the same one). */
export async function insertEoiIfMissing(db: Db, input: { roundId: number; authorityId: number; userId: number; now: Date }): Promise<{ eoi: Eoi; created: boolean }> {
  const existing = await findEoiForAuthority(db, input.roundId, input.authorityId);
  if (existing) return { eoi: existing, created: false };
  await db("eois")
    .insert({ round_id: input.roundId, authority_id: input.authorityId, status: "draft", created_by: input.userId, created_at: input.now.toISOString(), updated_at: input.now.toISOString() })
    .onConflict(["round_id", "authority_id"])
    .ignore();
  const eoi = await findEoiForAuthority(db, input.roundId, input.authorityId);
  if (!eoi) throw new Error("EOI insert failed");
  return { eoi, created: eoi.createdAt === input.now.toISOString() };
}

export async function writeSection(
  db: Db,
  eoi: Eoi,
  input: { sectionId: SectionId; answers: SectionAnswers; sectionVersion: number; markedComplete?: boolean; now: Date },
): Promise<void> {
  const answers = { ...eoi.answers, [input.sectionId]: input.answers };
  const versions = { ...eoi.sectionVersions, [input.sectionId]: input.sectionVersion };
  const completed = input.markedComplete === undefined ? eoi.markedComplete : { ...eoi.markedComplete, [input.sectionId]: input.markedComplete };
  // Only a draft is written (R-35: a submitted EOI is read-only): submitting changes the status,
  // not the version, so a save that read the draft before another instance submitted it would
  // otherwise still match.
  const updated = await db("eois")
    .where({ id: eoi.id, version: eoi.version, status: "draft" })
    .update({
      answers_json: JSON.stringify(answers),
      section_versions_json: JSON.stringify(versions),
      completed_json: JSON.stringify(completed),
      version: eoi.version + 1,
      updated_at: input.now.toISOString(),
    });
  if (updated !== 1) throw new StaleEoiError();
}

/** The row changed under us between read and write, or stopped being a draft (only possible across processes). */
export class StaleEoiError extends Error {}

export async function insertSectionSave(
  db: Db,
  input: { eoiId: number; sectionId: SectionId; sectionVersion: number; outcome: "saved" | "conflict" | "resolved"; answers: SectionAnswers; userId: number; now: Date },
): Promise<number> {
  const [row] = await db("eoi_section_saves")
    .insert({
      eoi_id: input.eoiId,
      section_id: input.sectionId,
      section_version: input.sectionVersion,
      outcome: input.outcome,
      answers_json: JSON.stringify(input.answers),
      saved_by: input.userId,
      saved_at: input.now.toISOString(),
    })
    .returning("id");
  return Number(typeof row === "object" ? row.id : row);
}

export interface SectionSave {
  id: number;
  eoiId: number;
  sectionId: SectionId;
  sectionVersion: number;
  outcome: string;
  answers: SectionAnswers;
  savedBy: number;
  savedByName: string;
  savedAt: string;
}

const toSave = (row: Row): SectionSave => ({
  id: Number(row.id),
  eoiId: Number(row.eoi_id),
  sectionId: row.section_id as SectionId,
  sectionVersion: Number(row.section_version),
  outcome: String(row.outcome),
  answers: json(row.answers_json, {}),
  savedBy: Number(row.saved_by),
  savedByName: String(row.saved_by_name ?? ""),
  savedAt: String(row.saved_at),
});

export async function findSectionSave(db: Db, id: number): Promise<SectionSave | null> {
  const row = await db("eoi_section_saves").join("users", "users.id", "eoi_section_saves.saved_by").where("eoi_section_saves.id", id).first("eoi_section_saves.*", "users.name as saved_by_name");
  return row ? toSave(row) : null;
}

/** The answers a section had at a given version (the save that created it). */
export async function sectionAnswersAtVersion(db: Db, eoiId: number, sectionId: SectionId, sectionVersion: number): Promise<SectionSave | null> {
  if (sectionVersion === 0) return null;
  const row = await db("eoi_section_saves")
    .join("users", "users.id", "eoi_section_saves.saved_by")
    .where({ eoi_id: eoiId, section_id: sectionId, section_version: sectionVersion })
    .whereIn("outcome", ["saved", "resolved"])
    .orderBy("eoi_section_saves.id", "desc")
    .first("eoi_section_saves.*", "users.name as saved_by_name");
  return row ? toSave(row) : null;
}

export async function updateEoiStatus(db: Db, id: number, fields: Partial<Record<"status" | "reference" | "submitted_at" | "submitted_by" | "withdrawn_at" | "withdrawn_reason" | "deadline_extended_to" | "hard_copy_received_at", string | number | null>>, now: Date) {
  await db("eois").where({ id }).update({ ...fields, updated_at: now.toISOString() });
}

export interface EoiListItem {
  id: number;
  reference: string | null;
  status: EoiState;
  authorityName: string;
  region: string;
  type: string;
  submittedAt: string | null;
  hardCopyReceivedAt: string | null;
  deadlineExtendedTo: string | null;
}

export async function listEois(db: Db, roundId: number): Promise<EoiListItem[]> {
  const rows = await db("eois")
    .join("authorities", "authorities.id", "eois.authority_id")
    .where("eois.round_id", roundId)
    .select("eois.id", "eois.reference", "eois.status", "authorities.name as authority_name", "authorities.region", "authorities.type", "eois.submitted_at", "eois.hard_copy_received_at", "eois.deadline_extended_to")
    .orderBy([{ column: "authorities.region" }, { column: "authorities.name" }, { column: "eois.id" }]);
  return rows.map((r) => ({
    id: Number(r.id),
    reference: r.reference,
    status: r.status,
    authorityName: r.authority_name,
    region: r.region,
    type: r.type,
    submittedAt: r.submitted_at,
    hardCopyReceivedAt: r.hard_copy_received_at,
    deadlineExtendedTo: r.deadline_extended_to,
  }));
}

// ---------------------------------------------------------------------------------------
// The programme manager's view of stage 1

export interface EoiWithAuthority extends Eoi {
  authorityName: string;
  region: string;
  type: string;
}

/** R-72 Every EOI of a round with its lead authority, for exports: by region, authority, id. */
export async function listEoisWithAnswers(db: Db, roundId: number): Promise<EoiWithAuthority[]> {
  const rows = await db("eois")
    .join("authorities", "authorities.id", "eois.authority_id")
    .where("eois.round_id", roundId)
    .select("eois.*", "authorities.name as authority_name", "authorities.region as authority_region", "authorities.type as authority_type")
    .orderBy([{ column: "authorities.region" }, { column: "authorities.name" }, { column: "eois.id" }]);
  return rows.map((row) => ({ ...toEoi(row), authorityName: String(row.authority_name), region: String(row.authority_region), type: String(row.authority_type) }));
}

export interface EoiHistoryEntry {
  id: number;
  at: string;
  action: string;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** R-21 The audit log's entries about one EOI, limited to the given actions, oldest first. */
export async function listEoiHistory(db: Db, eoiId: number, actions: readonly string[]): Promise<EoiHistoryEntry[]> {
  const rows = await db("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .where({ "audit_log.entity_type": "eoi", "audit_log.entity_id": String(eoiId) })
    .whereIn("audit_log.action", [...actions])
    .select("audit_log.id", "audit_log.at", "audit_log.action", "audit_log.before_json", "audit_log.after_json", "users.name as actor_name")
    .orderBy([{ column: "audit_log.at" }, { column: "audit_log.id" }]);
  return rows.map((row) => ({
    id: Number(row.id),
    at: String(row.at),
    action: String(row.action),
    actorName: (row.actor_name as string | null) ?? null,
    before: json(row.before_json, null),
    after: json(row.after_json, null),
  }));
}

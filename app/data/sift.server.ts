import type { Knex } from "knex";
import type { EoiAnswers } from "~/domain/eoi/sections";
import type { CriterionKey, Score } from "~/domain/programme";

// Stage 2 repositories: the bids in the sift, conflicts, assignments, weights,
// assessments (append-only versions), moderations, selections and the shortlist. Every list
// query ends its ORDER BY with an id.

type Db = Knex | Knex.Transaction;

const idOf = (row: unknown): number => Number(typeof row === "object" && row !== null ? (row as { id: unknown }).id : row);
const parse = <T>(json: unknown, fallback: T): T => {
  if (typeof json !== "string" || json === "") return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

// ---------------------------------------------------------------------------------------
// Bids in the sift: submitted EOIs, and those the shortlist has since invited or not selected

/** R-44 the EOI statuses after the shortlist is confirmed. */
export const INVITED = "invited";
export const NOT_SELECTED = "not-selected";
export const SIFTED_STATUSES = ["submitted", INVITED, NOT_SELECTED] as const;

export interface SiftBid {
  id: number;
  roundId: number;
  reference: string;
  status: string;
  authorityId: number;
  authorityName: string;
  region: string;
  authorityType: string;
  authoritySetting: string;
  submittedAt: string;
  answers: EoiAnswers;
}

const bidColumns = [
  "eois.id",
  "eois.round_id",
  "eois.reference",
  "eois.status",
  "eois.authority_id",
  "eois.submitted_at",
  "eois.answers_json",
  "authorities.name as authority_name",
  "authorities.region",
  "authorities.type as authority_type",
  "authorities.setting as authority_setting",
];

function toBid(row: Record<string, unknown>): SiftBid {
  return {
    id: Number(row.id),
    roundId: Number(row.round_id),
    reference: String(row.reference ?? ""),
    status: String(row.status),
    authorityId: Number(row.authority_id),
    authorityName: String(row.authority_name),
    region: String(row.region),
    authorityType: String(row.authority_type),
    authoritySetting: String(row.authority_setting),
    submittedAt: String(row.submitted_at ?? ""),
    answers: parse<EoiAnswers>(row.answers_json, {}),
  };
}

/** The round's bids in the sift, oldest submission first. */
export async function listSiftBids(db: Db, roundId: number): Promise<SiftBid[]> {
  const rows = await db("eois")
    .join("authorities", "authorities.id", "eois.authority_id")
    .where("eois.round_id", roundId)
    .whereIn("eois.status", SIFTED_STATUSES)
    .select(bidColumns)
    .orderBy([{ column: "eois.submitted_at" }, { column: "eois.id" }]);
  return rows.map(toBid);
}

/** One bid in the sift, or null (a draft or withdrawn EOI is not in the sift). */
export async function findSiftBid(db: Db, eoiId: number): Promise<SiftBid | null> {
  const row = await db("eois")
    .join("authorities", "authorities.id", "eois.authority_id")
    .where("eois.id", eoiId)
    .whereIn("eois.status", SIFTED_STATUSES)
    .first(bidColumns);
  return row ? toBid(row) : null;
}

export async function setEoiStatus(db: Db, eoiId: number, status: string, at: Date): Promise<void> {
  await db("eois").where({ id: eoiId }).update({ status, updated_at: at.toISOString() });
}

// ---------------------------------------------------------------------------------------
// Assessors

export interface Assessor {
  id: number;
  name: string;
  email: string;
}

export async function listAssessors(db: Db): Promise<Assessor[]> {
  const rows = await db("users").where({ role: "assessor" }).select("id", "name", "email").orderBy([{ column: "name" }, { column: "id" }]);
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), email: String(r.email) }));
}

// ---------------------------------------------------------------------------------------
// R-40 Conflicts of interest

export interface Conflict {
  id: number;
  assessorId: number;
  assessorName: string;
  authorityId: number;
  authorityName: string;
  reason: string;
  declaredAt: string;
}

/** Conflicts in force (not withdrawn), oldest first. */
export async function listConflicts(db: Db, filter: { assessorId?: number } = {}): Promise<Conflict[]> {
  const query = db("sift_conflicts")
    .join("users", "users.id", "sift_conflicts.assessor_id")
    .join("authorities", "authorities.id", "sift_conflicts.authority_id")
    .whereNull("sift_conflicts.withdrawn_at")
    .select("sift_conflicts.*", "users.name as assessor_name", "authorities.name as authority_name")
    .orderBy([{ column: "sift_conflicts.declared_at" }, { column: "sift_conflicts.id" }]);
  if (filter.assessorId !== undefined) query.where("sift_conflicts.assessor_id", filter.assessorId);
  const rows = await query;
  return rows.map((r) => ({
    id: Number(r.id),
    assessorId: Number(r.assessor_id),
    assessorName: String(r.assessor_name),
    authorityId: Number(r.authority_id),
    authorityName: String(r.authority_name),
    reason: String(r.reason),
    declaredAt: String(r.declared_at),
  }));
}

export async function insertConflict(db: Db, input: { assessorId: number; authorityId: number; reason: string; at: Date }): Promise<number> {
  const [row] = await db("sift_conflicts")
    .insert({ assessor_id: input.assessorId, authority_id: input.authorityId, reason: input.reason, declared_at: input.at.toISOString() })
    .returning("id");
  return idOf(row);
}

export async function withdrawConflictRow(db: Db, id: number, at: Date): Promise<void> {
  await db("sift_conflicts").where({ id }).whereNull("withdrawn_at").update({ withdrawn_at: at.toISOString() });
}

// ---------------------------------------------------------------------------------------
// R-40 Assignments

export interface AssignmentRow {
  id: number;
  eoiId: number;
  assessorId: number;
  assessorName: string;
  method: "manual" | "automatic";
  assignedAt: string;
  endedAt: string | null;
}

function toAssignment(r: Record<string, unknown>): AssignmentRow {
  return {
    id: Number(r.id),
    eoiId: Number(r.eoi_id),
    assessorId: Number(r.assessor_id),
    assessorName: String(r.assessor_name),
    method: r.method === "automatic" ? "automatic" : "manual",
    assignedAt: String(r.assigned_at),
    endedAt: (r.ended_at as string | null) ?? null,
  };
}

/** Live assignments (not ended) in a round, or of one bid or one assessor: by bid, then assessor name. */
export async function listLiveAssignments(db: Db, filter: { roundId?: number; eoiId?: number; assessorId?: number }): Promise<AssignmentRow[]> {
  const query = db("sift_assignments")
    .join("users", "users.id", "sift_assignments.assessor_id")
    .join("eois", "eois.id", "sift_assignments.eoi_id")
    .whereNull("sift_assignments.ended_at")
    .select("sift_assignments.*", "users.name as assessor_name")
    .orderBy([{ column: "sift_assignments.eoi_id" }, { column: "users.name" }, { column: "sift_assignments.id" }]);
  if (filter.roundId !== undefined) query.where("eois.round_id", filter.roundId);
  if (filter.eoiId !== undefined) query.where("sift_assignments.eoi_id", filter.eoiId);
  if (filter.assessorId !== undefined) query.where("sift_assignments.assessor_id", filter.assessorId);
  return (await query).map(toAssignment);
}

/** Every assignment a bid has had, live or ended, in the order they were made. */
export async function listAssignmentHistory(db: Db, eoiId: number): Promise<AssignmentRow[]> {
  const rows = await db("sift_assignments")
    .join("users", "users.id", "sift_assignments.assessor_id")
    .where("sift_assignments.eoi_id", eoiId)
    .select("sift_assignments.*", "users.name as assessor_name")
    .orderBy([{ column: "sift_assignments.assigned_at" }, { column: "sift_assignments.id" }]);
  return rows.map(toAssignment);
}

/** Every assignment of a round, live or ended (R-72 export): by bid, then when made. */
export async function listRoundAssignments(db: Db, roundId: number): Promise<Array<AssignmentRow & { assessorEmail: string }>> {
  const rows = await db("sift_assignments")
    .join("users", "users.id", "sift_assignments.assessor_id")
    .join("eois", "eois.id", "sift_assignments.eoi_id")
    .where("eois.round_id", roundId)
    .select("sift_assignments.*", "users.name as assessor_name", "users.email as assessor_email")
    .orderBy([{ column: "sift_assignments.eoi_id" }, { column: "sift_assignments.assigned_at" }, { column: "sift_assignments.id" }]);
  return rows.map((r) => ({ ...toAssignment(r), assessorEmail: String(r.assessor_email) }));
}

export async function findLiveAssignment(db: Db, eoiId: number, assessorId: number): Promise<AssignmentRow | null> {
  const rows = await listLiveAssignments(db, { eoiId, assessorId });
  return rows[0] ?? null;
}

export async function insertAssignment(
  db: Db,
  input: { eoiId: number; assessorId: number; method: "manual" | "automatic"; assignedBy: number; at: Date },
): Promise<number> {
  const [row] = await db("sift_assignments")
    .insert({ eoi_id: input.eoiId, assessor_id: input.assessorId, method: input.method, assigned_by: input.assignedBy, assigned_at: input.at.toISOString() })
    .returning("id");
  return idOf(row);
}

export async function endAssignment(db: Db, id: number, endedBy: number, at: Date): Promise<void> {
  await db("sift_assignments").where({ id }).whereNull("ended_at").update({ ended_by: endedBy, ended_at: at.toISOString() });
}

// ---------------------------------------------------------------------------------------
// R-41 Weights

export async function loadSavedWeights(db: Db, roundId: number): Promise<Partial<Record<string, number>>> {
  const rows = await db("sift_weights").where({ round_id: roundId }).select("criterion_key", "weight").orderBy([{ column: "criterion_key" }, { column: "id" }]);
  return Object.fromEntries(rows.map((r) => [String(r.criterion_key), Number(r.weight)]));
}

export async function saveWeightRows(db: Db, roundId: number, weights: Readonly<Record<CriterionKey, number>>, by: number, at: Date): Promise<void> {
  for (const [key, weight] of Object.entries(weights)) {
    await db("sift_weights")
      .insert({ round_id: roundId, criterion_key: key, weight, updated_by: by, updated_at: at.toISOString() })
      .onConflict(["round_id", "criterion_key"])
      .merge(["weight", "updated_by", "updated_at"]);
  }
}

// ---------------------------------------------------------------------------------------
// R-41 R-42 Assessments: every save is a new version

export type StoredScores = Record<CriterionKey, { score: Score | null; justification: string }>;

export interface AssessmentVersion {
  id: number;
  eoiId: number;
  assessorId: number;
  assessorName: string;
  assignmentId: number;
  version: number;
  status: "draft" | "complete";
  scores: StoredScores;
  weights: Record<CriterionKey, number>;
  totalHundredths: number;
  savedAt: string;
}

function toAssessment(r: Record<string, unknown>): AssessmentVersion {
  return {
    id: Number(r.id),
    eoiId: Number(r.eoi_id),
    assessorId: Number(r.assessor_id),
    assessorName: String(r.assessor_name),
    assignmentId: Number(r.assignment_id),
    version: Number(r.version),
    status: r.status === "complete" ? "complete" : "draft",
    scores: parse<StoredScores>(r.scores_json, {} as StoredScores),
    weights: parse<Record<CriterionKey, number>>(r.weights_json, {} as Record<CriterionKey, number>),
    totalHundredths: Number(r.total_hundredths),
    savedAt: String(r.saved_at),
  };
}

/** Every version, of one bid or a whole round, by bid, assessor and version. */
export async function listAssessmentVersions(db: Db, filter: { eoiId?: number; roundId?: number; assessorId?: number }): Promise<AssessmentVersion[]> {
  const query = db("sift_assessments")
    .join("users", "users.id", "sift_assessments.assessor_id")
    .join("eois", "eois.id", "sift_assessments.eoi_id")
    .select("sift_assessments.*", "users.name as assessor_name")
    .orderBy([{ column: "sift_assessments.eoi_id" }, { column: "sift_assessments.assessor_id" }, { column: "sift_assessments.version" }, { column: "sift_assessments.id" }]);
  if (filter.eoiId !== undefined) query.where("sift_assessments.eoi_id", filter.eoiId);
  if (filter.roundId !== undefined) query.where("eois.round_id", filter.roundId);
  if (filter.assessorId !== undefined) query.where("sift_assessments.assessor_id", filter.assessorId);
  return (await query).map(toAssessment);
}

/** The latest version of each (bid, assessor) pair among the given versions. */
export function latestVersions(versions: readonly AssessmentVersion[]): AssessmentVersion[] {
  const latest = new Map<string, AssessmentVersion>();
  for (const version of versions) {
    const key = `${version.eoiId}:${version.assessorId}`;
    const current = latest.get(key);
    if (!current || version.version > current.version) latest.set(key, version);
  }
  return [...latest.values()].sort((a, b) => a.eoiId - b.eoiId || a.assessorId - b.assessorId);
}

export async function latestAssessmentVersion(db: Db, eoiId: number, assessorId: number): Promise<AssessmentVersion | null> {
  const versions = await listAssessmentVersions(db, { eoiId, assessorId });
  return versions[versions.length - 1] ?? null;
}

export async function insertAssessmentVersion(
  db: Db,
  input: {
    eoiId: number;
    assessorId: number;
    assignmentId: number;
    version: number;
    status: "draft" | "complete";
    scores: StoredScores;
    weights: Readonly<Record<CriterionKey, number>>;
    totalHundredths: number;
    at: Date;
  },
): Promise<number> {
  const [row] = await db("sift_assessments")
    .insert({
      eoi_id: input.eoiId,
      assessor_id: input.assessorId,
      assignment_id: input.assignmentId,
      version: input.version,
      status: input.status,
      scores_json: JSON.stringify(input.scores),
      weights_json: JSON.stringify(input.weights),
      total_hundredths: input.totalHundredths,
      saved_at: input.at.toISOString(),
    })
    .returning("id");
  return idOf(row);
}

/** R-41 Whether any score has been saved in the round (weights are then fixed). */
export async function roundHasScores(db: Db, roundId: number): Promise<boolean> {
  const row = await db("sift_assessments").join("eois", "eois.id", "sift_assessments.eoi_id").where("eois.round_id", roundId).first("sift_assessments.id");
  return Boolean(row);
}

// ---------------------------------------------------------------------------------------
// R-42 Moderations

export interface ModerationVersion {
  id: number;
  eoiId: number;
  version: number;
  scores: Record<CriterionKey, Score>;
  weights: Record<CriterionKey, number>;
  totalHundredths: number;
  reason: string;
  moderatedBy: number;
  moderatorName: string;
  moderatedAt: string;
}

export async function listModerations(db: Db, filter: { eoiId?: number; roundId?: number }): Promise<ModerationVersion[]> {
  const query = db("sift_moderations")
    .join("users", "users.id", "sift_moderations.moderated_by")
    .join("eois", "eois.id", "sift_moderations.eoi_id")
    .select("sift_moderations.*", "users.name as moderator_name")
    .orderBy([{ column: "sift_moderations.eoi_id" }, { column: "sift_moderations.version" }, { column: "sift_moderations.id" }]);
  if (filter.eoiId !== undefined) query.where("sift_moderations.eoi_id", filter.eoiId);
  if (filter.roundId !== undefined) query.where("eois.round_id", filter.roundId);
  const rows = await query;
  return rows.map((r) => ({
    id: Number(r.id),
    eoiId: Number(r.eoi_id),
    version: Number(r.version),
    scores: parse<Record<CriterionKey, Score>>(r.scores_json, {} as Record<CriterionKey, Score>),
    weights: parse<Record<CriterionKey, number>>(r.weights_json, {} as Record<CriterionKey, number>),
    totalHundredths: Number(r.total_hundredths),
    reason: String(r.reason),
    moderatedBy: Number(r.moderated_by),
    moderatorName: String(r.moderator_name),
    moderatedAt: String(r.moderated_at),
  }));
}

export async function insertModerationVersion(
  db: Db,
  input: { eoiId: number; version: number; scores: Record<CriterionKey, Score>; weights: Readonly<Record<CriterionKey, number>>; totalHundredths: number; reason: string; by: number; at: Date },
): Promise<number> {
  const [row] = await db("sift_moderations")
    .insert({
      eoi_id: input.eoiId,
      version: input.version,
      scores_json: JSON.stringify(input.scores),
      weights_json: JSON.stringify(input.weights),
      total_hundredths: input.totalHundredths,
      reason: input.reason,
      moderated_by: input.by,
      moderated_at: input.at.toISOString(),
    })
    .returning("id");
  return idOf(row);
}

// ---------------------------------------------------------------------------------------
// R-43 R-44 Selections and the shortlist

export interface SavedSelection<Input = unknown, Result = unknown, Candidates = unknown> {
  id: number;
  roundId: number;
  input: Input;
  result: Result;
  candidates: Candidates;
  savedBy: number;
  savedByName: string;
  savedAt: string;
}

function toSelection(r: Record<string, unknown>): SavedSelection {
  return {
    id: Number(r.id),
    roundId: Number(r.round_id),
    input: parse(r.input_json, null),
    result: parse(r.result_json, null),
    candidates: parse(r.candidates_json, null),
    savedBy: Number(r.saved_by),
    savedByName: String(r.saved_by_name),
    savedAt: String(r.saved_at),
  };
}

export async function insertSelection(db: Db, input: { roundId: number; input: unknown; result: unknown; candidates: unknown; by: number; at: Date }): Promise<number> {
  const [row] = await db("sift_selections")
    .insert({
      round_id: input.roundId,
      input_json: JSON.stringify(input.input),
      result_json: JSON.stringify(input.result),
      candidates_json: JSON.stringify(input.candidates),
      saved_by: input.by,
      saved_at: input.at.toISOString(),
    })
    .returning("id");
  return idOf(row);
}

export async function findSelection(db: Db, id: number): Promise<SavedSelection | null> {
  const row = await db("sift_selections").join("users", "users.id", "sift_selections.saved_by").where("sift_selections.id", id).first("sift_selections.*", "users.name as saved_by_name");
  return row ? toSelection(row) : null;
}

/** The round's saved selections, newest first. */
export async function listSelections(db: Db, roundId: number): Promise<SavedSelection[]> {
  const rows = await db("sift_selections")
    .join("users", "users.id", "sift_selections.saved_by")
    .where("sift_selections.round_id", roundId)
    .select("sift_selections.*", "users.name as saved_by_name")
    .orderBy([{ column: "sift_selections.saved_at", order: "desc" }, { column: "sift_selections.id", order: "desc" }]);
  return rows.map(toSelection);
}

export interface Shortlist {
  id: number;
  roundId: number;
  selectionId: number;
  confirmedBy: number;
  confirmedByName: string;
  confirmedAt: string;
}

export async function findShortlist(db: Db, roundId: number): Promise<Shortlist | null> {
  const row = await db("sift_shortlists").join("users", "users.id", "sift_shortlists.confirmed_by").where("sift_shortlists.round_id", roundId).first("sift_shortlists.*", "users.name as confirmed_by_name");
  return row
    ? {
        id: Number(row.id),
        roundId: Number(row.round_id),
        selectionId: Number(row.selection_id),
        confirmedBy: Number(row.confirmed_by),
        confirmedByName: String(row.confirmed_by_name),
        confirmedAt: String(row.confirmed_at),
      }
    : null;
}

export async function insertShortlist(db: Db, input: { roundId: number; selectionId: number; by: number; at: Date }): Promise<number> {
  const [row] = await db("sift_shortlists")
    .insert({ round_id: input.roundId, selection_id: input.selectionId, confirmed_by: input.by, confirmed_at: input.at.toISOString() })
    .returning("id");
  return idOf(row);
}

import type { Knex } from "knex";
import type { ApplicationAnswers, ApplicationSectionAnswers, ApplicationSectionId } from "~/domain/application/sections";
import type { ApplicationState } from "~/domain/application/status";
import { REGIONS } from "~/domain/programme";

// Stage 3 repository: detailed applications, their section saves, submitted versions
// and review decisions. Every list query ends its ORDER BY with an id.

type Db = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

const idOf = (row: unknown): number => Number(typeof row === "object" && row !== null ? (row as { id: unknown }).id : row);
const json = <T>(value: unknown, fallback: T): T => {
  if (typeof value !== "string" || value === "") return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
};
const nullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const nullableString = (value: unknown) => (value === null || value === undefined ? null : String(value));

// ---------------------------------------------------------------------------------------
// R-50 Who is invited. The one place that reads stage 2's records.

export interface Invitation {
  eoiId: number;
  eoiReference: string;
  roundId: number;
  authorityId: number;
  selectionId: number;
  confirmedAt: string;
}

interface SelectionResultShape {
  selected?: Array<{ id?: unknown }>;
}
type CandidateSnapshotShape = Record<string, { eoiId?: unknown } | undefined>;

/**
 * R-50 The EOI through which an authority is invited to send a detailed application in a round,
 * or null. Stage 2's "confirm the shortlist" (R-44, app/services/sift-selection.server.ts) records
 * a row in sift_shortlists (one per round) naming the saved selection in sift_selections: its
 * result_json's `selected[].id` are candidate ids (EOI references) and its candidates_json maps
 * each candidate id to `{ eoiId, … }`. An authority is invited when one of the selected
 * candidates is its EOI in that round. (Confirming also sets the EOI's status to "invited"; the
 * shortlist is the record we trust, the status a convenience.)
 */
export async function invitedEoiForAuthority(db: Db, roundId: number, authorityId: number): Promise<Invitation | null> {
  const invitations = await listInvitations(db, roundId);
  return invitations.find((invitation) => invitation.authorityId === authorityId) ?? null;
}

/** R-50 Every invitation of a round (the confirmed shortlist's picks), by EOI id. */
export async function listInvitations(db: Db, roundId: number): Promise<Invitation[]> {
  const shortlist = await db("sift_shortlists")
    .join("sift_selections", "sift_selections.id", "sift_shortlists.selection_id")
    .where("sift_shortlists.round_id", roundId)
    .first("sift_shortlists.selection_id", "sift_shortlists.confirmed_at", "sift_selections.result_json", "sift_selections.candidates_json");
  if (!shortlist) return [];
  const result = json<SelectionResultShape>(shortlist.result_json, {});
  const candidates = json<CandidateSnapshotShape>(shortlist.candidates_json, {});
  const eoiIds = (result.selected ?? [])
    .map((pick) => (typeof pick.id === "string" ? Number(candidates[pick.id]?.eoiId) : Number.NaN))
    .filter((id) => Number.isInteger(id) && id > 0);
  if (eoiIds.length === 0) return [];
  const eois = await db("eois").whereIn("id", eoiIds).where("round_id", roundId).select("id", "reference", "authority_id").orderBy("id");
  return eois.map((eoi) => ({
    eoiId: Number(eoi.id),
    eoiReference: String(eoi.reference ?? ""),
    roundId,
    authorityId: Number(eoi.authority_id),
    selectionId: Number(shortlist.selection_id),
    confirmedAt: String(shortlist.confirmed_at),
  }));
}

// ---------------------------------------------------------------------------------------
// Applications

export interface Application {
  id: number;
  roundId: number;
  authorityId: number;
  eoiId: number;
  status: ApplicationState;
  answers: ApplicationAnswers;
  markedComplete: Partial<Record<ApplicationSectionId, boolean>>;
  sectionVersions: Partial<Record<ApplicationSectionId, number>>;
  version: number;
  submissionCount: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  submittedBy: number | null;
  decidedAt: string | null;
  decidedBy: number | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
}

function toApplication(row: Row): Application {
  return {
    id: Number(row.id),
    roundId: Number(row.round_id),
    authorityId: Number(row.authority_id),
    eoiId: Number(row.eoi_id),
    status: row.status as ApplicationState,
    answers: json(row.answers_json, {}),
    markedComplete: json(row.completed_json, {}),
    sectionVersions: json(row.section_versions_json, {}),
    version: Number(row.version),
    submissionCount: Number(row.submission_count),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    submittedAt: nullableString(row.submitted_at),
    submittedBy: nullableNumber(row.submitted_by),
    decidedAt: nullableString(row.decided_at),
    decidedBy: nullableNumber(row.decided_by),
    withdrawnAt: nullableString(row.withdrawn_at),
    withdrawnReason: nullableString(row.withdrawn_reason),
  };
}

export async function findApplication(db: Db, id: number): Promise<Application | null> {
  const row = await db("applications").where({ id }).first();
  return row ? toApplication(row) : null;
}

export async function findApplicationForAuthority(db: Db, roundId: number, authorityId: number): Promise<Application | null> {
  const row = await db("applications").where({ round_id: roundId, authority_id: authorityId }).first();
  return row ? toApplication(row) : null;
}

/** R-50 Inserts the authority's application unless it exists (a second officer joins the same one). */
export async function insertApplicationIfMissing(
  db: Db,
  input: { roundId: number; authorityId: number; eoiId: number; userId: number; answers: ApplicationAnswers; now: Date },
): Promise<{ application: Application; created: boolean }> {
  const existing = await findApplicationForAuthority(db, input.roundId, input.authorityId);
  if (existing) return { application: existing, created: false };
  const at = input.now.toISOString();
  const inserted = await db("applications")
    .insert({ round_id: input.roundId, authority_id: input.authorityId, eoi_id: input.eoiId, status: "draft", answers_json: JSON.stringify(input.answers), created_by: input.userId, created_at: at, updated_at: at })
    .onConflict(["round_id", "authority_id"])
    .ignore()
    .returning("id");
  const application = await findApplicationForAuthority(db, input.roundId, input.authorityId);
  if (!application) throw new Error("Application insert failed");
  return { application, created: inserted.length > 0 };
}

/** The row changed under us between read and write (another process). */
export class StaleApplicationError extends Error {}

export async function writeApplicationSection(
  db: Db,
  application: Application,
  input: { sectionId: ApplicationSectionId; answers: ApplicationSectionAnswers; sectionVersion: number; markedComplete?: boolean; now: Date },
): Promise<void> {
  const answers = { ...application.answers, [input.sectionId]: input.answers };
  const versions = { ...application.sectionVersions, [input.sectionId]: input.sectionVersion };
  const completed = input.markedComplete === undefined ? application.markedComplete : { ...application.markedComplete, [input.sectionId]: input.markedComplete };
  const updated = await db("applications")
    .where({ id: application.id, version: application.version })
    .update({
      answers_json: JSON.stringify(answers),
      section_versions_json: JSON.stringify(versions),
      completed_json: JSON.stringify(completed),
      version: application.version + 1,
      updated_at: input.now.toISOString(),
    });
  if (updated !== 1) throw new StaleApplicationError();
}

type StatusFields = Partial<Record<"status" | "submitted_at" | "submitted_by" | "submission_count" | "decided_at" | "decided_by" | "withdrawn_at" | "withdrawn_reason", string | number | null>>;

/** Changes an application's state, only if it is still at `expectedVersion` (returns false otherwise). */
export async function updateApplicationState(db: Db, application: Application, fields: StatusFields, now: Date): Promise<boolean> {
  const updated = await db("applications")
    .where({ id: application.id, version: application.version })
    .update({ ...fields, version: application.version + 1, updated_at: now.toISOString() });
  return updated === 1;
}

// ---------------------------------------------------------------------------------------
// Section saves (R-34's guarantees, as stage 1)

export interface ApplicationSectionSave {
  id: number;
  applicationId: number;
  sectionId: ApplicationSectionId;
  sectionVersion: number;
  outcome: string;
  answers: ApplicationSectionAnswers;
  savedBy: number;
  savedByName: string;
  savedAt: string;
}

const toSave = (row: Row): ApplicationSectionSave => ({
  id: Number(row.id),
  applicationId: Number(row.application_id),
  sectionId: row.section_id as ApplicationSectionId,
  sectionVersion: Number(row.section_version),
  outcome: String(row.outcome),
  answers: json(row.answers_json, {}),
  savedBy: Number(row.saved_by),
  savedByName: String(row.saved_by_name ?? ""),
  savedAt: String(row.saved_at),
});

export async function insertApplicationSectionSave(
  db: Db,
  input: { applicationId: number; sectionId: ApplicationSectionId; sectionVersion: number; outcome: "saved" | "conflict" | "resolved"; answers: ApplicationSectionAnswers; userId: number; now: Date },
): Promise<number> {
  const [row] = await db("application_section_saves")
    .insert({
      application_id: input.applicationId,
      section_id: input.sectionId,
      section_version: input.sectionVersion,
      outcome: input.outcome,
      answers_json: JSON.stringify(input.answers),
      saved_by: input.userId,
      saved_at: input.now.toISOString(),
    })
    .returning("id");
  return idOf(row);
}

export async function findApplicationSectionSave(db: Db, id: number): Promise<ApplicationSectionSave | null> {
  const row = await db("application_section_saves")
    .join("users", "users.id", "application_section_saves.saved_by")
    .where("application_section_saves.id", id)
    .first("application_section_saves.*", "users.name as saved_by_name");
  return row ? toSave(row) : null;
}

export async function markApplicationSaveOutcome(db: Db, id: number, outcome: "resolved-mine" | "resolved-theirs"): Promise<void> {
  await db("application_section_saves").where({ id }).update({ outcome });
}

/** The answers a section had at a given version (the save that created it). */
export async function applicationSectionAtVersion(db: Db, applicationId: number, sectionId: ApplicationSectionId, sectionVersion: number): Promise<ApplicationSectionSave | null> {
  if (sectionVersion === 0) return null;
  const row = await db("application_section_saves")
    .join("users", "users.id", "application_section_saves.saved_by")
    .where({ application_id: applicationId, section_id: sectionId, section_version: sectionVersion })
    .whereIn("outcome", ["saved", "resolved"])
    .orderBy("application_section_saves.id", "desc")
    .first("application_section_saves.*", "users.name as saved_by_name");
  return row ? toSave(row) : null;
}

// ---------------------------------------------------------------------------------------
// R-52 Submitted versions and review decisions (append-only)

export interface ApplicationVersion {
  id: number;
  applicationId: number;
  number: number;
  answers: ApplicationAnswers;
  clgRequestPence: number;
  totalCostPence: number;
  submittedBy: number;
  submittedByName: string;
  submittedAt: string;
}

const toVersion = (row: Row): ApplicationVersion => ({
  id: Number(row.id),
  applicationId: Number(row.application_id),
  number: Number(row.number),
  answers: json(row.answers_json, {}),
  clgRequestPence: Number(row.clg_request_pence),
  totalCostPence: Number(row.total_cost_pence),
  submittedBy: Number(row.submitted_by),
  submittedByName: String(row.submitted_by_name ?? ""),
  submittedAt: String(row.submitted_at),
});

export async function insertApplicationVersion(
  db: Db,
  input: { applicationId: number; number: number; answers: ApplicationAnswers; clgRequestPence: number; totalCostPence: number; userId: number; now: Date },
): Promise<number> {
  const [row] = await db("application_versions")
    .insert({
      application_id: input.applicationId,
      number: input.number,
      answers_json: JSON.stringify(input.answers),
      clg_request_pence: input.clgRequestPence,
      total_cost_pence: input.totalCostPence,
      submitted_by: input.userId,
      submitted_at: input.now.toISOString(),
    })
    .returning("id");
  return idOf(row);
}

/** R-52 An application's submitted versions, oldest first. */
export async function listApplicationVersions(db: Db, applicationId: number): Promise<ApplicationVersion[]> {
  const rows = await db("application_versions")
    .join("users", "users.id", "application_versions.submitted_by")
    .where("application_versions.application_id", applicationId)
    .select("application_versions.*", "users.name as submitted_by_name")
    .orderBy([{ column: "application_versions.number" }, { column: "application_versions.id" }]);
  return rows.map(toVersion);
}

export async function latestApplicationVersion(db: Db, applicationId: number): Promise<ApplicationVersion | null> {
  const versions = await listApplicationVersions(db, applicationId);
  return versions.at(-1) ?? null;
}

export interface ApplicationReview {
  id: number;
  applicationId: number;
  versionNumber: number;
  decision: "approved" | "changes-requested" | "declined";
  comments: string;
  decidedBy: number;
  decidedByName: string;
  decidedAt: string;
}

export async function insertApplicationReview(
  db: Db,
  input: { applicationId: number; versionNumber: number; decision: ApplicationReview["decision"]; comments: string; userId: number; now: Date },
): Promise<number> {
  const [row] = await db("application_reviews")
    .insert({ application_id: input.applicationId, version_number: input.versionNumber, decision: input.decision, comments: input.comments, decided_by: input.userId, decided_at: input.now.toISOString() })
    .returning("id");
  return idOf(row);
}

/** R-52 An application's review decisions, oldest first. */
export async function listApplicationReviews(db: Db, applicationId: number): Promise<ApplicationReview[]> {
  const rows = await db("application_reviews")
    .join("users", "users.id", "application_reviews.decided_by")
    .where("application_reviews.application_id", applicationId)
    .select("application_reviews.*", "users.name as decided_by_name")
    .orderBy([{ column: "application_reviews.decided_at" }, { column: "application_reviews.id" }]);
  return rows.map((row) => ({
    id: Number(row.id),
    applicationId: Number(row.application_id),
    versionNumber: Number(row.version_number),
    decision: row.decision,
    comments: String(row.comments ?? ""),
    decidedBy: Number(row.decided_by),
    decidedByName: String(row.decided_by_name ?? ""),
    decidedAt: String(row.decided_at),
  }));
}

// ---------------------------------------------------------------------------------------
// The programme manager's list

export interface ApplicationListItem {
  invitation: Invitation;
  authorityName: string;
  region: string;
  authorityType: string;
  application: Application | null;
  /** The latest submitted version's CLG request, if submitted. */
  clgRequestPence: number | null;
  award: { id: number; amountPence: number; status: string } | null;
}

const regionOrder = (region: string) => {
  const index = (REGIONS as readonly string[]).indexOf(region);
  return index === -1 ? REGIONS.length : index;
};

/** R-50 R-52 Every invited authority of a round, with its application and award, in R-2's region order, then name, then EOI id. */
export async function listApplicationsForRound(db: Db, roundId: number): Promise<ApplicationListItem[]> {
  const invitations = await listInvitations(db, roundId);
  if (invitations.length === 0) return [];
  const authorityIds = invitations.map((i) => i.authorityId);
  const [authorities, applications, versions, awards] = await Promise.all([
    db("authorities").whereIn("id", authorityIds).select("id", "name", "region", "type").orderBy("id"),
    db("applications").where("round_id", roundId).whereIn("authority_id", authorityIds).select("*").orderBy("id"),
    db("application_versions")
      .join("applications", "applications.id", "application_versions.application_id")
      .where("applications.round_id", roundId)
      .select("application_versions.application_id", "application_versions.number", "application_versions.clg_request_pence")
      .orderBy([{ column: "application_versions.number" }, { column: "application_versions.id" }]),
    db("grant_awards").where("round_id", roundId).select("id", "application_id", "amount_pence", "status").orderBy("id"),
  ]);
  const items = invitations.map((invitation) => {
    const authority = authorities.find((a) => Number(a.id) === invitation.authorityId);
    const row = applications.find((a) => Number(a.authority_id) === invitation.authorityId);
    const application = row ? toApplication(row) : null;
    const latest = application ? versions.filter((v) => Number(v.application_id) === application.id).at(-1) : undefined;
    const award = application ? awards.find((a) => Number(a.application_id) === application.id) : undefined;
    return {
      invitation,
      authorityName: String(authority?.name ?? ""),
      region: String(authority?.region ?? ""),
      authorityType: String(authority?.type ?? ""),
      application,
      clgRequestPence: latest ? Number(latest.clg_request_pence) : null,
      award: award ? { id: Number(award.id), amountPence: Number(award.amount_pence), status: String(award.status) } : null,
    };
  });
  return items.sort((a, b) => regionOrder(a.region) - regionOrder(b.region) || a.authorityName.localeCompare(b.authorityName) || a.invitation.eoiId - b.invitation.eoiId);
}

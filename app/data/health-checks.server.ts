import type { Knex } from "knex";
import type { PartnerSector } from "~/domain/programme";
import type { Finding, FindingRating, TeamMember } from "~/domain/monitoring/health-check";

// R-63 R-11 Repository of the customer service health check visit: one visit per pilot (award),
// its team and its findings per probe. Every write that changes the visit is conditional on the
// version the editor read (optimistic concurrency) and on the visit not yet being agreed, and
// bumps the version; false means nothing was written. Lists end their ORDER BY with an id.

type Db = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

export interface HealthCheckVisit {
  id: number;
  awardId: number;
  visitDate: string;
  status: "recorded" | "agreed";
  summary: string;
  version: number;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  agreedBy: number | null;
  agreedAt: string | null;
  agreedWith: string | null;
  team: Array<TeamMember & { id: number }>;
  findings: Array<Finding & { id: number }>;
}

const str = (value: unknown) => (value === null || value === undefined ? null : String(value));

export async function findVisitForAward(db: Db, awardId: number): Promise<HealthCheckVisit | null> {
  const row: Row | undefined = await db("health_check_visits").where({ award_id: awardId }).first();
  if (!row) return null;
  const id = Number(row.id);
  const team = await db("health_check_team_members").where({ visit_id: id }).orderBy("id");
  const findings = await db("health_check_findings").where({ visit_id: id }).orderBy("id");
  return {
    id,
    awardId: Number(row.award_id),
    visitDate: String(row.visit_date),
    status: row.status === "agreed" ? "agreed" : "recorded",
    summary: String(row.summary ?? ""),
    version: Number(row.version),
    createdBy: Number(row.created_by),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    agreedBy: row.agreed_by === null ? null : Number(row.agreed_by),
    agreedAt: str(row.agreed_at),
    agreedWith: str(row.agreed_with),
    team: team.map((m: Row) => ({ id: Number(m.id), name: String(m.name), organisation: String(m.organisation), sector: String(m.sector) as PartnerSector })),
    findings: findings.map((f: Row) => ({ id: Number(f.id), probeId: String(f.probe_id), finding: String(f.finding ?? ""), rating: (str(f.rating) as FindingRating | null) ?? null })),
  };
}

/** Every pilot's visit, without team or findings (for the dashboard): award id, date, status. */
export async function listVisitSummaries(db: Db): Promise<Array<{ awardId: number; visitDate: string; status: "recorded" | "agreed"; agreedAt: string | null }>> {
  const rows = await db("health_check_visits").select("award_id", "visit_date", "status", "agreed_at").orderBy([{ column: "award_id" }, { column: "id" }]);
  return rows.map((r: Row) => ({ awardId: Number(r.award_id), visitDate: String(r.visit_date), status: r.status === "agreed" ? "agreed" : "recorded", agreedAt: str(r.agreed_at) }));
}

async function replaceTeam(db: Db, visitId: number, team: readonly TeamMember[]) {
  await db("health_check_team_members").where({ visit_id: visitId }).delete();
  if (team.length) await db("health_check_team_members").insert(team.map((m) => ({ visit_id: visitId, name: m.name, organisation: m.organisation, sector: m.sector })));
}

/** A new visit with its team (the unique award_id refuses a second visit for the pilot). */
export async function insertVisit(db: Db, input: { awardId: number; visitDate: string; team: readonly TeamMember[]; by: number; at: Date }): Promise<number> {
  const [row] = await db("health_check_visits")
    .insert({ award_id: input.awardId, visit_date: input.visitDate, status: "recorded", summary: "", version: 1, created_by: input.by, created_at: input.at.toISOString(), updated_at: input.at.toISOString() })
    .returning("id");
  const id = Number(typeof row === "object" ? row.id : row);
  await replaceTeam(db, id, input.team);
  return id;
}

const editable = (db: Db, visitId: number, baseVersion: number) => db("health_check_visits").where({ id: visitId, version: baseVersion, status: "recorded" });

export async function updateVisitDetails(db: Db, input: { visitId: number; baseVersion: number; visitDate: string; team: readonly TeamMember[]; at: Date }): Promise<boolean> {
  const changed = await editable(db, input.visitId, input.baseVersion).update({ visit_date: input.visitDate, version: input.baseVersion + 1, updated_at: input.at.toISOString() });
  if (changed !== 1) return false;
  await replaceTeam(db, input.visitId, input.team);
  return true;
}

export async function saveFindings(db: Db, input: { visitId: number; baseVersion: number; findings: readonly Finding[]; summary: string; at: Date }): Promise<boolean> {
  const changed = await editable(db, input.visitId, input.baseVersion).update({ summary: input.summary, version: input.baseVersion + 1, updated_at: input.at.toISOString() });
  if (changed !== 1) return false;
  await db("health_check_findings").where({ visit_id: input.visitId }).delete();
  if (input.findings.length) await db("health_check_findings").insert(input.findings.map((f) => ({ visit_id: input.visitId, probe_id: f.probeId, rating: f.rating, finding: f.finding })));
  return true;
}

export async function markVisitAgreed(db: Db, input: { visitId: number; baseVersion: number; agreedBy: number; agreedWith: string; at: Date }): Promise<boolean> {
  const changed = await editable(db, input.visitId, input.baseVersion).update({ status: "agreed", agreed_by: input.agreedBy, agreed_with: input.agreedWith, agreed_at: input.at.toISOString(), version: input.baseVersion + 1, updated_at: input.at.toISOString() });
  return changed === 1;
}

/** The pilot's officers (every applicant of the lead authority), to tell them of the agreed report. */
export async function listPilotOfficers(db: Db, authorityId: number): Promise<Array<{ id: number; name: string; email: string }>> {
  const rows = await db("users").where({ authority_id: authorityId, role: "applicant" }).select("id", "name", "email").orderBy("id");
  return rows.map((r: Row) => ({ id: Number(r.id), name: String(r.name), email: String(r.email) }));
}

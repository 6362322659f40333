import type { Knex } from "knex";
import { enqueueEmail } from "../../emails/outbox.server";
import { reportAcceptedEmail, reportQueriedEmail, reportSubmittedEmail } from "../../emails/templates-stage4-reports";
import { recordAudit } from "~/data/audit.server";
import { decideReport, findReport, lockAwardForReports, findReportFor, insertReport, insertReportReview, listReportReviews, listReportsForAward, listReportsForAwards, StaleReportError, updateReport, type QuarterlyReport, type ReportReview } from "~/data/reports.server";
import type { User } from "~/data/users.server";
import { formatDateTimeLondon, londonDate, type IsoDate } from "~/domain/calendar";
import { checkAnswers, checkReviewText, editRefusal, quarterFromSlug, reportSchedule, reportState, STATE_PRIORITY, submitRefusal, type ReportAnswers, type ReportState, type ScheduledReport } from "~/domain/monitoring/reports";
import { listPilotsForManager, PilotForbiddenError, PilotNotFoundError, pilotForManager, pilotForOfficer, type Pilot } from "./pilots.server";

// R-61 Quarterly progress reports: the pilot's officers write, save and submit them (and answer a
// query); the programme manager accepts or queries. Every write is one transaction with its audit
// row and any email. Two officers at once: a save carries the version it was made
// from, and a stale one is refused with nothing lost (StaleReportError).

export { StaleReportError };

/** The day the pilot started: the named officer's date of acceptance, else when it was recorded. */
export function pilotStartedOn(pilot: Pick<Pilot, "award">): IsoDate | null {
  if (pilot.award.acceptanceDate) return pilot.award.acceptanceDate;
  const at = pilot.award.pilotStartedAt ?? pilot.award.acceptedAt;
  return at ? londonDate(new Date(at)) : null;
}

/** R-61 The pilot's reports (one per quarter, from its start to the programme's end). */
export function scheduleFor(pilot: Pick<Pilot, "award" | "programme">): ScheduledReport[] {
  return reportSchedule(pilot.programme, pilotStartedOn(pilot));
}

/** The pilot's officers, for its emails: the first to, the rest copied (ordered by id). */
export async function pilotRecipients(db: Knex | Knex.Transaction, authorityId: number): Promise<{ to: string; cc?: string[] } | null> {
  const rows = await db("users").where({ authority_id: authorityId, role: "applicant" }).orderBy("id").select("email");
  const emails = rows.map((r) => String(r.email));
  if (!emails.length) return null;
  return { to: emails[0]!, cc: emails.length > 1 ? emails.slice(1) : undefined };
}

export interface ReportRow {
  schedule: ScheduledReport;
  report: QuarterlyReport | null;
  state: ReportState;
}

const rowFor = (schedule: ScheduledReport, report: QuarterlyReport | null, today: IsoDate): ReportRow => ({
  schedule,
  report,
  state: reportState({ due: schedule.due, status: report?.status ?? null, today, start: schedule.start, end: schedule.end, remindOn: schedule.remindOn }),
});

/** R-61 The officer's own pilot's reports, with where each stands today. */
export async function listPilotReports(db: Knex, input: { user: User; now: Date }): Promise<{ pilot: Pilot; rows: ReportRow[] }> {
  const pilot = await pilotForOfficer(db, input.user);
  const reports = await listReportsForAward(db, pilot.award.id);
  const today = londonDate(input.now);
  return { pilot, rows: scheduleFor(pilot).map((s) => rowFor(s, reports.find((r) => r.quarter === s.quarter) ?? null, today)) };
}

export interface ReportPage extends ReportRow {
  pilot: Pilot;
  reviews: ReportReview[];
  /** Why the report cannot be changed now, or null. */
  editRefusal: string | null;
  /** Why it cannot be submitted now, or null. */
  submitRefusal: string | null;
  /** The open query, when the report is queried. */
  query: string | null;
}

function scheduledReport(pilot: Pilot, slug: string): ScheduledReport {
  const quarter = quarterFromSlug(slug);
  const schedule = quarter ? scheduleFor(pilot).find((s) => s.quarter === quarter) : undefined;
  if (!schedule) throw new PilotNotFoundError("no such quarter in the pilot's reporting timetable");
  return schedule;
}

async function reportPage(db: Knex | Knex.Transaction, pilot: Pilot, schedule: ScheduledReport, now: Date): Promise<ReportPage> {
  const report = await findReportFor(db, pilot.award.id, schedule.quarter);
  const reviews = report ? await listReportReviews(db, report.id) : [];
  const today = londonDate(now);
  const status = report?.status ?? null;
  const lastQuery = [...reviews].reverse().find((r) => r.event === "queried");
  return {
    ...rowFor(schedule, report, today),
    pilot,
    reviews,
    editRefusal: editRefusal(schedule, status, today),
    submitRefusal: submitRefusal(schedule, status, today),
    query: status === "queried" && lastQuery ? lastQuery.comments : null,
  };
}

/** R-61 One quarter's report for the officer (a quarter not in the pilot's timetable is a 404). */
export async function loadPilotReport(db: Knex, input: { user: User; slug: string; now: Date }): Promise<ReportPage> {
  const pilot = await pilotForOfficer(db, input.user);
  return reportPage(db, pilot, scheduledReport(pilot, input.slug), input.now);
}

export type SaveReportResult =
  | { ok: true; report: QuarterlyReport }
  | { ok: false; errors: Array<[field: string, message: string]>; stale?: { latest: QuarterlyReport; byName: string } };

async function staleResult(db: Knex, awardId: number, quarter: string): Promise<SaveReportResult> {
  const latest = (await findReportFor(db, awardId, quarter))!;
  const by = await db("users").where({ id: latest.submittedBy && latest.status !== "draft" ? latest.submittedBy : latest.createdBy }).first("name");
  const audit = await db("audit_log").where({ entity_type: "quarterly_report", entity_id: String(latest.id) }).orderBy([{ column: "at", order: "desc" }, { column: "id", order: "desc" }]).first("actor_user_id");
  const actor = audit ? await db("users").where({ id: audit.actor_user_id }).first("name") : null;
  const byName = String(actor?.name ?? by?.name ?? "Another officer");
  return {
    ok: false,
    stale: { latest, byName },
    errors: [["version", `${byName} saved this report at ${formatDateTimeLondon(new Date(latest.updatedAt))}, after you opened it. Your changes have not been saved yet: they are still in the form below. Check what is saved now, then save again to replace it with your version`]],
  };
}

/**
 * R-61 R-73 Saves the officer's answers as a draft (partly filled in is fine; what is typed is
 * checked). `version` is the report's version the form was loaded with (0: no report yet).
 * Refused, changing nothing: a future quarter, a submitted or accepted report, a stale version.
 */
export async function saveReport(db: Knex, input: { user: User; slug: string; answers: ReportAnswers; version: number; now: Date }): Promise<SaveReportResult> {
  const pilot = await pilotForOfficer(db, input.user);
  const schedule = scheduledReport(pilot, input.slug);
  try {
    return await db.transaction(async (trx) => {
      await lockAwardForReports(trx, pilot.award.id);
      const current = await findReportFor(trx, pilot.award.id, schedule.quarter);
      const refusal = editRefusal(schedule, current?.status ?? null, londonDate(input.now));
      if (refusal) return { ok: false, errors: [["report", refusal]] };
      const check = checkAnswers(input.answers, "draft");
      if (!check.ok) return { ok: false, errors: check.errors };
      if ((current?.version ?? 0) !== input.version) throw new StaleReportError("stale");
      const report = current
        ? await updateReport(trx, { id: current.id, version: input.version, answers: input.answers, spendPence: check.spendPence, at: input.now })
        : await insertReport(trx, { awardId: pilot.award.id, quarter: schedule.quarter, answers: input.answers, spendPence: check.spendPence, by: input.user.id, at: input.now });
      await recordAudit(trx, { actorUserId: input.user.id, action: current ? "report.saved" : "report.started", entityType: "quarterly_report", entityId: report.id, before: current ? { version: current.version } : undefined, after: { awardId: pilot.award.id, quarter: schedule.quarter, version: report.version, status: report.status }, at: input.now });
      return { ok: true, report };
    });
  } catch (error) {
    if (error instanceof StaleReportError) return staleResult(db, pilot.award.id, schedule.quarter);
    throw error;
  }
}

export type SubmitReportResult = { ok: true; resubmitted: boolean } | { ok: false; errors: Array<[field: string, message: string]>; stale?: boolean };

/**
 * R-61 Submits the report (or, when queried, resubmits it with the officer's answer to the query):
 * only after its quarter has ended, only with every answer given, only from the version checked.
 * One transaction: the report's state, the trail (report_reviews), the audit row and the email.
 */
export async function submitReport(db: Knex, input: { user: User; slug: string; version: number; answer?: string; now: Date; baseUrl: string }): Promise<SubmitReportResult> {
  const pilot = await pilotForOfficer(db, input.user);
  const schedule = scheduledReport(pilot, input.slug);
  return db.transaction(async (trx) => {
    await lockAwardForReports(trx, pilot.award.id);
    const current = await findReportFor(trx, pilot.award.id, schedule.quarter);
    const refusal = submitRefusal(schedule, current?.status ?? null, londonDate(input.now));
    if (refusal) return { ok: false, errors: [["report", refusal]] };
    if (!current) return { ok: false, errors: [["report", `Write the report for ${schedule.quarter} before you submit it`]] };
    if (current.version !== input.version) return { ok: false, stale: true, errors: [["report", "Another officer changed this report after you opened this page. Check the report below before you submit it"]] };
    const check = checkAnswers(current.answers, "submit");
    if (!check.ok) return { ok: false, errors: check.errors };
    const resubmitted = current.status === "queried";
    const answer = input.answer ?? "";
    if (resubmitted) {
      const problem = checkReviewText(answer, "answer");
      if (problem) return { ok: false, errors: [["answer", problem]] };
    }
    let report: QuarterlyReport;
    try {
      report = await updateReport(trx, { id: current.id, version: current.version, answers: current.answers, spendPence: check.spendPence, status: "submitted", submittedBy: input.user.id, at: input.now });
    } catch (error) {
      if (error instanceof StaleReportError) return { ok: false, stale: true, errors: [["report", "Another officer changed this report a moment ago. Check the report below before you submit it"]] };
      throw error;
    }
    if (resubmitted) await insertReportReview(trx, { reportId: report.id, event: "answered", comments: answer.trim(), by: input.user.id, at: input.now });
    await insertReportReview(trx, { reportId: report.id, event: "submitted", by: input.user.id, at: input.now });
    await recordAudit(trx, { actorUserId: input.user.id, action: resubmitted ? "report.resubmitted" : "report.submitted", entityType: "quarterly_report", entityId: report.id, before: { status: current.status }, after: { status: "submitted", quarter: schedule.quarter, spendPence: check.spendPence, answer: resubmitted ? answer.trim() : undefined }, at: input.now });
    const recipients = await pilotRecipients(trx, pilot.award.authorityId);
    if (recipients) {
      const email = reportSubmittedEmail({ authorityName: pilot.award.authorityName, quarter: schedule.quarter, submittedAtText: formatDateTimeLondon(input.now), byName: input.user.name, resubmitted, link: `${input.baseUrl}/applicant/pilot/reports/${schedule.slug}` });
      await enqueueEmail(trx, { ...email, ...recipients, template: resubmitted ? "report-resubmitted" : "report-submitted", now: input.now });
    }
    return { ok: true, resubmitted };
  });
}

// ---------------------------------------------------------------------------------------
// The programme manager

export interface ManagerReportRow extends ReportRow {
  awardId: number;
  authorityName: string;
  region: string;
}

/** R-61 Every pilot's reports with where each stands: overdue first, then by due date, region. */
export async function listReportsForManager(db: Knex, input: { actor: User; now: Date }): Promise<ManagerReportRow[]> {
  const { pilots } = await listPilotsForManager(db, input.actor);
  const reports = await listReportsForAwards(db, pilots.map((p) => p.id));
  const today = londonDate(input.now);
  const rows: ManagerReportRow[] = [];
  for (const award of pilots) {
    const pilot = await pilotForManager(db, input.actor, award.id);
    for (const schedule of scheduleFor(pilot)) {
      const row = rowFor(schedule, reports.find((r) => r.awardId === award.id && r.quarter === schedule.quarter) ?? null, today);
      rows.push({ ...row, awardId: award.id, authorityName: award.authorityName, region: award.region });
    }
  }
  return rows.sort((a, b) => STATE_PRIORITY[a.state.key] - STATE_PRIORITY[b.state.key] || a.schedule.due.localeCompare(b.schedule.due) || a.region.localeCompare(b.region) || a.awardId - b.awardId);
}

/** R-61 One report for the programme manager, by its id (404 when there is none). */
export async function loadReportForManager(db: Knex, input: { actor: User; reportId: number; now: Date }): Promise<ReportPage> {
  if (input.actor.role !== "programme_manager") throw new PilotForbiddenError("programme manager only");
  const report = await findReport(db, input.reportId);
  if (!report) throw new PilotNotFoundError("no such report");
  const pilot = await pilotForManager(db, input.actor, report.awardId);
  const schedule = scheduleFor(pilot).find((s) => s.quarter === report.quarter);
  if (!schedule) throw new PilotNotFoundError("the report's quarter is not in the pilot's timetable");
  return reportPage(db, pilot, schedule, input.now);
}

export type DecideReportResult = { ok: true } | { ok: false; errors: Array<[field: string, message: string]> };

/**
 * R-61 The programme manager accepts the report or queries it (a question is required). Only a
 * submitted report, only once: the update is conditional on the version the manager saw.
 */
export async function decideReportAsManager(db: Knex, input: { actor: User; reportId: number; version: number; decision: string; comments: string; now: Date; baseUrl: string }): Promise<DecideReportResult> {
  const page = await loadReportForManager(db, input);
  const { pilot, schedule } = page;
  if (input.decision !== "accept" && input.decision !== "query") return { ok: false, errors: [["decision", "Select whether to accept the report or query it"]] };
  const problem = checkReviewText(input.comments, input.decision === "query" ? "question" : "comments");
  if (problem) return { ok: false, errors: [["comments", problem]] };
  return db.transaction(async (trx) => {
    await lockAwardForReports(trx, pilot.award.id);
    const report = await findReport(trx, input.reportId);
    if (!report || report.status !== "submitted") return { ok: false, errors: [["decision", report?.status === "accepted" ? "This report has already been accepted" : report?.status === "queried" ? "This report has already been queried: the pilot has not answered yet" : "This report has not been submitted"]] };
    const status = input.decision === "accept" ? "accepted" : "queried";
    if (!(await decideReport(trx, { id: report.id, version: input.version, status, by: input.actor.id, at: input.now }))) return { ok: false, errors: [["decision", "The pilot changed this report after you opened it. Read it again before you decide"]] };
    const comments = input.comments.trim();
    await insertReportReview(trx, { reportId: report.id, event: status, comments, by: input.actor.id, at: input.now });
    await recordAudit(trx, { actorUserId: input.actor.id, action: `report.${status}`, entityType: "quarterly_report", entityId: report.id, before: { status: "submitted" }, after: { status, comments }, at: input.now });
    const recipients = await pilotRecipients(trx, pilot.award.authorityId);
    if (recipients) {
      const link = `${input.baseUrl}/applicant/pilot/reports/${schedule.slug}`;
      const email = status === "accepted" ? reportAcceptedEmail({ authorityName: pilot.award.authorityName, quarter: schedule.quarter, comments, link }) : reportQueriedEmail({ authorityName: pilot.award.authorityName, quarter: schedule.quarter, question: comments, link });
      await enqueueEmail(trx, { ...email, ...recipients, template: `report-${status}`, now: input.now });
    }
    return { ok: true };
  });
}

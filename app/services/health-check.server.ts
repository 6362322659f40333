import type { Knex } from "knex";
import { enqueueEmail } from "../../emails/outbox.server";
import { renderEmail, type RenderedEmail } from "../../emails/layout";
import { recordAudit } from "~/data/audit.server";
import { findVisitForAward, insertVisit, listPilotOfficers, markVisitAgreed, saveFindings, updateVisitDetails, type HealthCheckVisit } from "~/data/health-checks.server";
import { isUniqueViolation, type User } from "~/data/users.server";
import { formatDateLondon, londonDate } from "~/domain/calendar";
import {
  agreedVisitMessage,
  checkAgreement,
  checkFindings,
  checkVisitDetails,
  visitWindow,
  type FieldErrors,
  type FindingsInput,
  type VisitDetailsInput,
} from "~/domain/monitoring/health-check";
import { renderHealthCheckPdf, type HealthCheckReport } from "~/services/health-check-pdf.server";
import { pilotForManager, pilotForOfficer, PilotNotFoundError, type Pilot } from "~/services/pilots.server";

// R-63 R-11 The customer service health check visit, run by the programme manager: the visit's
// date and team, the findings on the peer review's customer-focus probes, and the report agreed
// with the pilot's named officer, after which the visit is read-only. Each write is one
// transaction with its audit row; agreement also queues an email with the PDF to each of
// the pilot's officers. Writes carry the version the editor read (optimistic concurrency):
// a stale one changes nothing and says so, keeping what was typed.

export type HealthCheckWriteResult = { ok: true; visitId: number } | { ok: false; status: 400 | 409; errors: FieldErrors; version?: number };

export interface HealthCheckContext {
  pilot: Pilot;
  visit: HealthCheckVisit | null;
  /** The days the visit may fall on. */
  window: { from: string; to: string };
}

const windowFor = (pilot: Pilot) => visitWindow({ pilotStartedOn: pilot.award.acceptanceDate, startBy: pilot.programme.startBy, endsOn: pilot.programme.endsOn });

/** R-20 R-63 The pilot's visit, for the programme manager (any pilot, by award id). */
export async function healthCheckForManager(db: Knex, input: { actor: User; awardId: number }): Promise<HealthCheckContext> {
  const pilot = await pilotForManager(db, input.actor, input.awardId);
  return { pilot, visit: await findVisitForAward(db, pilot.award.id), window: windowFor(pilot) };
}

/** R-20 R-63 The officer's own pilot's visit (read-only for officers). */
export async function healthCheckForOfficer(db: Knex, input: { user: User }): Promise<HealthCheckContext> {
  const pilot = await pilotForOfficer(db, input.user);
  return { pilot, visit: await findVisitForAward(db, pilot.award.id), window: windowFor(pilot) };
}

const staleMessage =
  "Someone else changed this visit after you opened this page. Your changes are shown below but have not been saved: check them, then save again to keep them.";

const parseVersion = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : -1);

/** R-63 R-11 Records the visit's date and team: creates the visit, or changes it until the report is agreed. */
export async function recordVisitDetails(db: Knex, input: { actor: User; awardId: number; form: VisitDetailsInput & { version: string }; now: Date }): Promise<HealthCheckWriteResult> {
  try {
    return await db.transaction(async (trx) => {
      const pilot = await pilotForManager(trx, input.actor, input.awardId);
      const visit = await findVisitForAward(trx, pilot.award.id);
      if (visit?.status === "agreed") return { ok: false, status: 409, errors: [["visitDate", agreedVisitMessage(visit)]] } as const;
      const check = checkVisitDetails(input.form, windowFor(pilot));
      if (!check.ok) return { ok: false, status: 400, errors: check.errors } as const;
      const baseVersion = parseVersion(input.form.version);
      if ((visit?.version ?? 0) !== baseVersion) return { ok: false, status: 409, errors: [["visitDate", staleMessage]], version: visit?.version ?? 0 } as const;
      let visitId: number;
      if (!visit) {
        visitId = await insertVisit(trx, { awardId: pilot.award.id, visitDate: check.visitDate, team: check.team, by: input.actor.id, at: input.now });
      } else {
        visitId = visit.id;
        const changed = await updateVisitDetails(trx, { visitId, baseVersion, visitDate: check.visitDate, team: check.team, at: input.now });
        if (!changed) return { ok: false, status: 409, errors: [["visitDate", staleMessage]], version: visit.version } as const;
      }
      await recordAudit(trx, {
        actorUserId: input.actor.id,
        action: visit ? "health_check.visit_changed" : "health_check.visit_recorded",
        entityType: "health_check_visit",
        entityId: visitId,
        before: visit ? { visitDate: visit.visitDate, team: visit.team.map(({ name, organisation, sector }) => ({ name, organisation, sector })) } : null,
        after: { awardId: pilot.award.id, visitDate: check.visitDate, team: check.team },
        at: input.now,
      });
      return { ok: true, visitId } as const;
    });
  } catch (error) {
    // Two first recordings at once: the unique award_id let one in.
    if (isUniqueViolation(error)) return { ok: false, status: 409, errors: [["visitDate", staleMessage]], version: (await findVisitForAward(db, input.awardId))?.version ?? 0 };
    throw error;
  }
}

/** R-63 Records the findings per probe and the summary (until the report is agreed). */
export async function recordFindings(db: Knex, input: { actor: User; awardId: number; form: FindingsInput & { version: string }; now: Date }): Promise<HealthCheckWriteResult> {
  return db.transaction(async (trx) => {
    const pilot = await pilotForManager(trx, input.actor, input.awardId);
    const visit = await findVisitForAward(trx, pilot.award.id);
    if (!visit) throw new PilotNotFoundError("no visit recorded");
    if (visit.status === "agreed") return { ok: false, status: 409, errors: [["summary", agreedVisitMessage(visit)]] } as const;
    const check = checkFindings(input.form);
    if (!check.ok) return { ok: false, status: 400, errors: check.errors } as const;
    const baseVersion = parseVersion(input.form.version);
    const changed = baseVersion === visit.version && (await saveFindings(trx, { visitId: visit.id, baseVersion, findings: check.findings, summary: check.summary, at: input.now }));
    if (!changed) return { ok: false, status: 409, errors: [["summary", staleMessage]], version: visit.version } as const;
    await recordAudit(trx, {
      actorUserId: input.actor.id,
      action: "health_check.findings_recorded",
      entityType: "health_check_visit",
      entityId: visit.id,
      before: { summary: visit.summary, findings: visit.findings.map(({ probeId, finding, rating }) => ({ probeId, finding, rating })) },
      after: { summary: check.summary, findings: check.findings },
      at: input.now,
    });
    return { ok: true, visitId: visit.id } as const;
  });
}

/** R-63 The report as the PDF shows it. */
export function healthCheckReport(pilot: Pilot, visit: HealthCheckVisit): HealthCheckReport {
  return {
    authorityName: pilot.award.authorityName,
    region: pilot.award.region,
    grantId: pilot.letter.grantId,
    roundName: pilot.round.name,
    visitDate: visit.visitDate,
    team: visit.team.map(({ name, organisation, sector }) => ({ name, organisation, sector })),
    findings: Object.fromEntries(visit.findings.map((f) => [f.probeId, { finding: f.finding, rating: f.rating }])),
    summary: visit.summary,
    agreement: visit.status === "agreed" && visit.agreedWith && visit.agreedAt ? { agreedWith: visit.agreedWith, agreedAt: visit.agreedAt } : null,
  };
}

/** R-63 Sent to each of the pilot's officers when the report is agreed, with the PDF. */
export function healthCheckAgreedEmail(input: { authorityName: string; visitDateText: string; agreedWith: string; link: string; grantId: string }): RenderedEmail {
  return renderEmail(`Your customer service health check report is agreed: ${input.authorityName}`, [
    { kind: "paragraph", text: `The report of ${input.authorityName}'s customer service health check visit on ${input.visitDateText} has been agreed with ${input.agreedWith}.` },
    { kind: "paragraph", text: "The agreed report is attached as a PDF. It sets out the visiting team, their findings on each of the peer review's customer focus questions, and their summary." },
    { kind: "link", text: "View the health check visit", href: input.link },
    { kind: "paragraph", text: `The grant's reference is ${input.grantId}.` },
  ]);
}

/**
 * R-63 Agrees the report with the pilot's named officer: records who and when, makes the visit
 * read-only, and emails the pilot's officers the agreed PDF — in one transaction.
 */
export async function agreeHealthCheckReport(db: Knex, input: { actor: User; awardId: number; form: { agreedWith: string; version: string }; now: Date; baseUrl: string }): Promise<HealthCheckWriteResult> {
  return db.transaction(async (trx) => {
    const pilot = await pilotForManager(trx, input.actor, input.awardId);
    const visit = await findVisitForAward(trx, pilot.award.id);
    if (!visit) throw new PilotNotFoundError("no visit recorded");
    const check = checkAgreement(visit, input.form, londonDate(input.now));
    if (!check.ok) return { ok: false, status: visit.status === "agreed" ? 409 : 400, errors: check.errors } as const;
    const baseVersion = parseVersion(input.form.version);
    const changed = baseVersion === visit.version && (await markVisitAgreed(trx, { visitId: visit.id, baseVersion, agreedBy: input.actor.id, agreedWith: check.agreedWith, at: input.now }));
    if (!changed) return { ok: false, status: 409, errors: [["agreedWith", "Someone else changed this visit after you opened this page. Check the report as it is now before agreeing it."]], version: visit.version } as const;
    await recordAudit(trx, {
      actorUserId: input.actor.id,
      action: "health_check.report_agreed",
      entityType: "health_check_visit",
      entityId: visit.id,
      before: { status: "recorded" },
      after: { status: "agreed", agreedWith: check.agreedWith, agreedAt: input.now.toISOString() },
      at: input.now,
    });
    const agreed = { ...visit, status: "agreed" as const, agreedWith: check.agreedWith, agreedAt: input.now.toISOString() };
    const pdf = await renderHealthCheckPdf(healthCheckReport(pilot, agreed));
    const email = healthCheckAgreedEmail({ authorityName: pilot.award.authorityName, visitDateText: formatDateLondon(visit.visitDate), agreedWith: check.agreedWith, link: `${input.baseUrl}/applicant/pilot/health-check`, grantId: pilot.letter.grantId });
    for (const officer of await listPilotOfficers(trx, pilot.award.authorityId)) {
      await enqueueEmail(trx, { ...email, to: officer.email, template: "health-check-agreed", attachments: [{ filename: `${pilot.letter.grantId}-health-check.pdf`, contentType: "application/pdf", content: pdf }], now: input.now });
    }
    return { ok: true, visitId: visit.id } as const;
  });
}

/**
 * R-63 The report's PDF: for the programme manager at any time once the visit is recorded (a
 * draft until agreed); for the pilot's officers only once agreed. Otherwise not found.
 */
export async function healthCheckPdf(db: Knex, input: { user: User; awardId?: number }): Promise<{ pdf: Buffer; filename: string }> {
  const { pilot, visit } = input.awardId === undefined ? await healthCheckForOfficer(db, { user: input.user }) : await healthCheckForManager(db, { actor: input.user, awardId: input.awardId });
  if (!visit || (input.user.role !== "programme_manager" && visit.status !== "agreed")) throw new PilotNotFoundError("no agreed report");
  return { pdf: await renderHealthCheckPdf(healthCheckReport(pilot, visit)), filename: `${pilot.letter.grantId}-health-check${visit.status === "agreed" ? "" : "-draft"}.pdf` };
}

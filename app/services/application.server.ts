import type { Knex } from "knex";
import { applicationSubmittedEmail } from "../../emails/templates-stage3";
import { enqueueEmail } from "../../emails/outbox.server";
import { recordAudit } from "~/data/audit.server";
import {
  applicationSectionAtVersion,
  findApplication,
  findApplicationForAuthority,
  findApplicationSectionSave,
  insertApplicationIfMissing,
  insertApplicationSectionSave,
  insertApplicationVersion,
  invitedEoiForAuthority,
  markApplicationSaveOutcome,
  updateApplicationState,
  writeApplicationSection,
  type Application,
  type Invitation,
} from "~/data/applications.server";
import { findAuthority, type Authority } from "~/data/authorities.server";
import { findEoi } from "~/data/eois.server";
import { currentRound, type Round } from "~/data/rounds.server";
import type { User } from "~/data/users.server";
import { readBudget, summariseBudget } from "~/domain/application/budget";
import { applicationProgramme, type ApplicationProgramme } from "~/domain/application/programme";
import { applicationSections, sectionOf, type ApplicationAnswers, type ApplicationSection, type ApplicationSectionAnswers, type ApplicationSectionId } from "~/domain/application/sections";
import { canSubmitApplication, isEditable } from "~/domain/application/status";
import { formatDateTimeLondon } from "~/domain/calendar";
import type { EoiAnswers } from "~/domain/eoi/sections";
import { formatMoney } from "~/domain/money";

// The detailed application, for the invited authority's officers: start it, save a
// page at a time (optimistic concurrency per section, conflicts kept, as stage 1), submit it by
// the round's due date, resubmit after changes are requested, withdraw it.

/** R-20 R-50 Not invited, or not an officer of an authority: the routes answer 404. */
export class ApplicationNotFoundError extends Error {}

export interface ApplicantApplicationContext {
  round: Round;
  authority: Authority;
  invitation: Invitation;
  application: Application | null;
  programme: ApplicationProgramme;
  sections: readonly ApplicationSection[];
}

/** R-51 The round's stage 3 calendar and the sections built on it. */
export function programmeFor(round: Round): { programme: ApplicationProgramme; sections: readonly ApplicationSection[] } {
  const programme = applicationProgramme(round);
  return { programme, sections: applicationSections(programme) };
}

/**
 * R-20 R-50 An officer reaches only their own authority's detailed application, and only when
 * the authority was invited (the confirmed shortlist of the current round); anyone else is
 * told there is nothing here (404), never whether another authority has one.
 */
export async function applicantApplicationContext(db: Knex | Knex.Transaction, user: User): Promise<ApplicantApplicationContext> {
  if (user.role !== "applicant" || user.authorityId === null) throw new ApplicationNotFoundError("not an officer of an authority");
  const [round, authority] = await Promise.all([currentRound(db as Knex), findAuthority(db as Knex, user.authorityId)]);
  if (!round || !authority) throw new ApplicationNotFoundError("no round or authority");
  const invitation = await invitedEoiForAuthority(db, round.id, authority.id);
  if (!invitation) throw new ApplicationNotFoundError("not invited");
  return { round, authority, invitation, application: await findApplicationForAuthority(db, round.id, authority.id), ...programmeFor(round) };
}

/** Whether the signed-in officer's authority is invited (for the applicant home page's link). */
export async function isInvited(db: Knex, user: User): Promise<boolean> {
  try {
    await applicantApplicationContext(db, user);
    return true;
  } catch (error) {
    if (error instanceof ApplicationNotFoundError) return false;
    throw error;
  }
}

/**
 * R-51 What a new application starts with, from the expression of interest: the partners named
 * (their roles still to be confirmed) and the cost lines as budget lines (their quarters still to
 * be split). Officers change anything they need to.
 */
export function prefillFromEoi(eoi: EoiAnswers): ApplicationAnswers {
  const about = eoi["about-the-bid"] ?? {};
  const partners = Array.isArray(about.partners) ? (about.partners as Array<Record<string, unknown>>) : [];
  const costs = Array.isArray(eoi["supporting-documents"]?.costs) ? (eoi["supporting-documents"]!.costs as Array<Record<string, unknown>>) : [];
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const answers: Record<string, ApplicationSectionAnswers> = {};
  if (about.hasPartners === "yes" && partners.length) answers.partners = { hasPartners: "yes", partners: partners.map((p) => ({ name: text(p.name) })) };
  if (costs.length) {
    answers.budget = {
      lines: costs.map((c) => ({ description: text(c.description), category: text(c.category), fundedBy: text(c.fundedBy), ...(c.fundedBy === "other" ? { otherSource: text(c.otherSource) } : {}), total: text(c.amount) })),
    };
  }
  return answers;
}

/** R-50 Starts the authority's detailed application, or joins the one another officer started. */
export async function startApplication(db: Knex, input: { user: User; now: Date }): Promise<Application> {
  return db.transaction(async (trx) => {
    const { round, authority, invitation } = await applicantApplicationContext(trx, input.user);
    const eoi = await findEoi(trx, invitation.eoiId);
    const { application, created } = await insertApplicationIfMissing(trx, {
      roundId: round.id,
      authorityId: authority.id,
      eoiId: invitation.eoiId,
      userId: input.user.id,
      answers: prefillFromEoi(eoi?.answers ?? {}),
      now: input.now,
    });
    if (created) await recordAudit(trx, { actorUserId: input.user.id, action: "application.started", entityType: "application", entityId: application.id, after: { authorityId: authority.id, roundId: round.id, eoiId: invitation.eoiId }, at: input.now });
    return application;
  });
}

export type ApplicationSaveResult = { kind: "saved"; application: Application } | { kind: "conflict"; saveId: number } | { kind: "read-only" };

const sameAnswer = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const pick = (answers: ApplicationSectionAnswers, fields: readonly string[]) => Object.fromEntries(fields.filter((f) => f in answers).map((f) => [f, answers[f]]));

/**
 * R-51 (R-30 R-34 as stage 1) Saves one page of a section. The page's answers replace those fields
 * of the saved section. The form carries the section version it was loaded at: when another save
 * has changed any of this page's fields since, nothing is overwritten – both versions are kept
 * and the officer chooses. Changes by others to other fields merge.
 */
export async function saveApplicationPage(
  db: Knex,
  input: { user: User; sectionId: ApplicationSectionId; pageIndex: number; answers: ApplicationSectionAnswers; baseVersion: number; markedComplete?: boolean; now: Date },
): Promise<ApplicationSaveResult> {
  return db.transaction(async (trx) => {
    const { application, sections } = await applicantApplicationContext(trx, input.user);
    if (!application) throw new ApplicationNotFoundError("no application started");
    if (!isEditable(application.status)) return { kind: "read-only" } as const;
    const fields = sectionOf(sections, input.sectionId).pages[input.pageIndex]?.fields ?? [];
    const saved = application.answers[input.sectionId] ?? {};
    const current = application.sectionVersions[input.sectionId] ?? 0;
    const pageAnswers: ApplicationSectionAnswers = pick(input.answers, fields);

    if (input.baseVersion !== current) {
      const base = (await applicationSectionAtVersion(trx, application.id, input.sectionId, input.baseVersion))?.answers ?? {};
      const changedByOthers = fields.some((field) => !sameAnswer(base[field], saved[field]));
      const differsFromSaved = fields.some((field) => !sameAnswer(pageAnswers[field], saved[field]));
      if (changedByOthers && differsFromSaved) {
        const saveId = await insertApplicationSectionSave(trx, { applicationId: application.id, sectionId: input.sectionId, sectionVersion: input.baseVersion, outcome: "conflict", answers: { ...saved, ...pageAnswers }, userId: input.user.id, now: input.now });
        await recordAudit(trx, { actorUserId: input.user.id, action: "application.section.conflict", entityType: "application", entityId: application.id, after: { sectionId: input.sectionId, saveId, baseVersion: input.baseVersion, currentVersion: current }, at: input.now });
        return { kind: "conflict", saveId } as const;
      }
    }

    const answers = { ...saved, ...pageAnswers };
    const changed = !sameAnswer(answers, saved);
    if (!changed && input.markedComplete === undefined) return { kind: "saved", application } as const;
    const sectionVersion = changed ? current + 1 : current;
    await writeApplicationSection(trx, application, { sectionId: input.sectionId, answers, sectionVersion, markedComplete: input.markedComplete, now: input.now });
    if (changed) await insertApplicationSectionSave(trx, { applicationId: application.id, sectionId: input.sectionId, sectionVersion, outcome: "saved", answers, userId: input.user.id, now: input.now });
    await recordAudit(trx, {
      actorUserId: input.user.id,
      action: input.markedComplete === undefined ? "application.section.saved" : "application.section.marked",
      entityType: "application",
      entityId: application.id,
      before: changed ? { sectionId: input.sectionId, answers: pick(saved, fields) } : undefined,
      after: { sectionId: input.sectionId, ...(changed ? { answers: pick(answers, fields) } : {}), ...(input.markedComplete === undefined ? {} : { markedComplete: input.markedComplete }) },
      at: input.now,
    });
    return { kind: "saved", application: (await findApplication(trx, application.id))! } as const;
  });
}

export interface ApplicationConflictView {
  saveId: number;
  sectionId: ApplicationSectionId;
  fields: string[];
  mine: ApplicationSectionAnswers;
  theirs: ApplicationSectionAnswers;
  theirsBy: string;
  theirsAt: string;
}

/** R-34 What a stale save would have changed, beside what is saved now. Only its author sees it. */
export async function applicationConflictView(db: Knex, input: { user: User; saveId: number }): Promise<ApplicationConflictView | null> {
  const save = await findApplicationSectionSave(db, input.saveId);
  if (!save || save.outcome !== "conflict" || save.savedBy !== input.user.id) return null;
  const { application } = await applicantApplicationContext(db, input.user);
  if (!application || application.id !== save.applicationId) return null;
  const theirs = application.answers[save.sectionId] ?? {};
  const latest = await applicationSectionAtVersion(db, application.id, save.sectionId, application.sectionVersions[save.sectionId] ?? 0);
  const fields = Object.keys({ ...save.answers, ...theirs }).filter((field) => !sameAnswer(save.answers[field], theirs[field]));
  return { saveId: save.id, sectionId: save.sectionId, fields, mine: save.answers, theirs, theirsBy: latest?.savedByName ?? "Another officer", theirsAt: latest?.savedAt ?? application.updatedAt };
}

/** R-34 The officer keeps their version or the saved one; both stay in the history. */
export async function resolveApplicationConflict(db: Knex, input: { user: User; saveId: number; keep: "mine" | "theirs"; now: Date }): Promise<ApplicationSaveResult> {
  const view = await applicationConflictView(db, input);
  if (!view) throw new ApplicationNotFoundError("no such conflict");
  return db.transaction(async (trx) => {
    const { application } = await applicantApplicationContext(trx, input.user);
    if (!application) throw new ApplicationNotFoundError("no application");
    if (!isEditable(application.status)) return { kind: "read-only" } as const;
    await markApplicationSaveOutcome(trx, view.saveId, input.keep === "mine" ? "resolved-mine" : "resolved-theirs");
    if (input.keep === "mine") {
      const sectionVersion = (application.sectionVersions[view.sectionId] ?? 0) + 1;
      await writeApplicationSection(trx, application, { sectionId: view.sectionId, answers: view.mine, sectionVersion, now: input.now });
      await insertApplicationSectionSave(trx, { applicationId: application.id, sectionId: view.sectionId, sectionVersion, outcome: "resolved", answers: view.mine, userId: input.user.id, now: input.now });
    }
    await recordAudit(trx, { actorUserId: input.user.id, action: "application.section.conflict-resolved", entityType: "application", entityId: application.id, after: { sectionId: view.sectionId, saveId: view.saveId, kept: input.keep }, at: input.now });
    return { kind: "saved", application: (await findApplication(trx, application.id))! } as const;
  });
}

/** Who hears about an application: the officer, and the EOI's named contact when someone else. */
export async function applicationRecipients(db: Knex | Knex.Transaction, application: Application, officerEmail: string | null): Promise<{ to: string; cc?: string[] } | null> {
  const eoi = await findEoi(db, application.eoiId);
  const contact = String(eoi?.answers["about-the-bid"]?.contactEmail ?? "").trim();
  const to = officerEmail ?? (contact.includes("@") ? contact : null);
  if (!to) return null;
  return { to, cc: contact.includes("@") && contact.toLowerCase() !== to.toLowerCase() ? [contact] : undefined };
}

export type SubmitApplicationResult = { ok: true; versionNumber: number } | { ok: false; errors: Array<{ text: string; href: string }> };

/**
 * R-50 R-51 R-52 Submits the application, or resubmits it after changes were requested, as its
 * next version: only when every section is completed and (for a first submission) by the round's
 * due date on the server's clock. One transaction keeps the version, changes the state, audits
 * and queues the confirmation email.
 */
export async function submitApplication(db: Knex, input: { user: User; now: Date; baseUrl: string }): Promise<SubmitApplicationResult> {
  return db.transaction(async (trx) => {
    const { application, programme, sections, invitation, authority } = await applicantApplicationContext(trx, input.user);
    if (!application) throw new ApplicationNotFoundError("no application started");
    const check = canSubmitApplication(programme, sections, { answers: application.answers, markedComplete: application.markedComplete, state: application.status }, input.now);
    if (!check.ok) return check;
    const versionNumber = application.submissionCount + 1;
    const budget = summariseBudget(readBudget(application.answers.budget?.lines, programme).lines, programme);
    await insertApplicationVersion(trx, { applicationId: application.id, number: versionNumber, answers: application.answers, clgRequestPence: budget.clgPence, totalCostPence: budget.totalPence, userId: input.user.id, now: input.now });
    const changed = await updateApplicationState(trx, application, { status: "submitted", submission_count: versionNumber, submitted_at: input.now.toISOString(), submitted_by: input.user.id }, input.now);
    if (!changed) return { ok: false, errors: [{ text: "Another officer changed the application as you submitted it. Check your answers and submit again", href: "#" }] } as const;
    await recordAudit(trx, { actorUserId: input.user.id, action: "application.submitted", entityType: "application", entityId: application.id, before: { status: application.status }, after: { status: "submitted", version: versionNumber, clgRequestPence: budget.clgPence }, at: input.now });
    const recipients = await applicationRecipients(trx, application, input.user.email);
    if (recipients) {
      const email = applicationSubmittedEmail({
        authorityName: authority.name,
        reference: invitation.eoiReference,
        versionNumber,
        submittedAtText: formatDateTimeLondon(input.now),
        clgRequestText: formatMoney(budget.clgPence),
        totalText: formatMoney(budget.totalPence),
        link: `${input.baseUrl}/applicant/application`,
      });
      await enqueueEmail(trx, { ...email, ...recipients, template: "application-submitted", now: input.now });
    }
    return { ok: true, versionNumber } as const;
  });
}

/** R-52 The authority withdraws its application (before a decision), with a reason, audited. */
export async function withdrawApplication(db: Knex, input: { user: User; reason: string; now: Date }): Promise<{ ok: true } | { ok: false; error: string }> {
  return db.transaction(async (trx) => {
    const { application } = await applicantApplicationContext(trx, input.user);
    if (!application) return { ok: false, error: "There is no detailed application to withdraw" } as const;
    if (!["draft", "submitted", "changes-requested"].includes(application.status)) {
      return { ok: false, error: `This detailed application has been ${application.status === "approved" ? "approved" : application.status}, so it cannot be withdrawn` } as const;
    }
    const changed = await updateApplicationState(trx, application, { status: "withdrawn", withdrawn_at: input.now.toISOString(), withdrawn_reason: input.reason }, input.now);
    if (!changed) return { ok: false, error: "The application changed as you withdrew it. Try again" } as const;
    await recordAudit(trx, { actorUserId: input.user.id, action: "application.withdrawn", entityType: "application", entityId: application.id, before: { status: application.status }, after: { status: "withdrawn", reason: input.reason }, at: input.now });
    return { ok: true } as const;
  });
}

import { randomInt } from "node:crypto";
import type { Knex } from "knex";
import { eoiSubmittedEmail, eoiWithdrawnEmail } from "../../emails/templates";
import { enqueueEmail } from "../../emails/outbox.server";
import { recordAudit } from "~/data/audit.server";
import { findAuthority, type Authority } from "~/data/authorities.server";
import {
  findEoi,
  findEoiForAuthority,
  findSectionSave,
  insertEoiIfMissing,
  insertSectionSave,
  sectionAnswersAtVersion,
  StaleEoiError,
  updateEoiStatus,
  writeSection,
  type Eoi,
} from "~/data/eois.server";
import { currentRound, type Round } from "~/data/rounds.server";
import { isUniqueViolation, type User } from "~/data/users.server";
import { deadlineFor, endOfDayLondon, formatDateLondon, formatDateTimeLondon, isOpen } from "~/domain/calendar";
import { FIELDS_FROM_REGISTER, sectionPages } from "~/domain/eoi/pages";
import type { SectionAnswers, SectionId } from "~/domain/eoi/sections";
import { canSubmit } from "~/domain/eoi/status";
import { EOI_REFERENCE_PREFIX, generateReference } from "~/domain/reference";
import { renderEoiPdf } from "./eoi-pdf.server";

export class EoiAccessError extends Error {}

export interface ApplicantContext {
  round: Round;
  authority: Authority;
  eoi: Eoi | null;
}

/** R-20 An applicant only ever reaches their own authority's EOI in the current round. */
export async function applicantContext(db: Knex, user: User): Promise<ApplicantContext> {
  if (user.role !== "applicant" || user.authorityId === null) throw new EoiAccessError("not an officer of an authority");
  const [round, authority] = await Promise.all([currentRound(db), findAuthority(db, user.authorityId)]);
  if (!round || !authority) throw new EoiAccessError("no open round or authority");
  return { round, authority, eoi: await findEoiForAuthority(db, round.id, authority.id) };
}

/** R-35 The authority's window: the round's, with the programme manager's extension if any. */
export function submissionWindow(round: Round, eoi: Eoi | null) {
  return { opensAt: new Date(round.eoiOpensAt), closesAt: deadlineFor(new Date(round.eoiClosesAt), eoi?.deadlineExtendedTo ? new Date(eoi.deadlineExtendedTo) : null) };
}

/** R-30 Starts the authority's EOI, or joins the one another officer started. */
export async function startEoi(db: Knex, input: { user: User; now: Date }): Promise<Eoi> {
  return db.transaction(async (trx) => {
    const { round, authority } = await applicantContext(trx, input.user);
    const { eoi, created } = await insertEoiIfMissing(trx, { roundId: round.id, authorityId: authority.id, userId: input.user.id, now: input.now });
    if (created) await recordAudit(trx, { actorUserId: input.user.id, action: "eoi.started", entityType: "eoi", entityId: eoi.id, after: { authorityId: authority.id, roundId: round.id }, at: input.now });
    return eoi;
  });
}

export type SaveResult = { kind: "saved"; eoi: Eoi } | { kind: "conflict"; saveId: number } | { kind: "read-only" } | { kind: "stale" };

/**
 * R-34 A save reads the EOI and writes it back only if its version is unchanged. Another save
 * can commit in between (PostgreSQL, several app instances, R-74: StaleEoiError); the save is
 * then tried once more from a fresh read, where a change by the other save to the same answers
 * becomes a conflict for the officer to settle. Should it lose the race again, `otherwise` says
 * what the officer gets instead of an error page (ADR 0074).
 */
async function onceMoreIfStale<T>(attempt: () => Promise<T>, otherwise: () => Promise<T>): Promise<T> {
  for (let tries = 0; tries < 2; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StaleEoiError)) throw error;
    }
  }
  return otherwise();
}

const sameAnswer = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * R-30 R-34 Saves one page of a section. The page's answers replace those fields of the saved
 * section. The officer's form carries the section version it was loaded at: when another save
 * has changed any of this page's fields since then, nothing is overwritten — both versions are
 * kept and the officer chooses (a "conflict"). Changes by others to other fields merge.
 */
export async function saveSectionPage(
  db: Knex,
  input: { user: User; sectionId: SectionId; pageIndex: number; answers: SectionAnswers; baseVersion: number; markedComplete?: boolean; now: Date },
): Promise<SaveResult> {
  return onceMoreIfStale(
    () => saveSectionPageOnce(db, input),
    // Beaten twice: what the officer typed is kept as their version, beside the saved one, for
    // them to choose (a page that carries no answers, "completed?", is simply asked again).
    () => keepStalePageAsConflict(db, input),
  );
}

type SavePageInput = Parameters<typeof saveSectionPage>[1];

function pageAnswersOf(input: SavePageInput, authority: Authority): { fields: readonly string[]; pageAnswers: SectionAnswers } {
  const fields = sectionPages(input.sectionId)[input.pageIndex]?.fields ?? [];
  let pageAnswers: SectionAnswers = Object.fromEntries(fields.filter((f) => f in input.answers).map((f) => [f, input.answers[f]]));
  if (input.sectionId === "about-the-bid" && fields.includes("region")) {
    // R-3 the lead authority's region and type come from the register.
    pageAnswers = { ...pageAnswers, region: authority.region, authorityType: authority.type };
  }
  return { fields, pageAnswers };
}

async function keepStalePageAsConflict(db: Knex, input: SavePageInput): Promise<SaveResult> {
  return db.transaction(async (trx) => {
    const { eoi, authority } = await applicantContext(trx, input.user);
    if (!eoi) throw new EoiAccessError("no EOI started");
    if (eoi.status !== "draft") return { kind: "read-only" } as const;
    const { pageAnswers } = pageAnswersOf(input, authority);
    if (Object.keys(pageAnswers).length === 0) return { kind: "stale" } as const;
    return keepAsConflict(trx, eoi, input, pageAnswers, { stale: true });
  });
}

/** R-34 The officer's page kept beside the saved section, for them to choose: a conflict save and its audit row. */
async function keepAsConflict(trx: Knex.Transaction, eoi: Eoi, input: SavePageInput, pageAnswers: SectionAnswers, audit: { stale?: true } = {}) {
  const saveId = await insertSectionSave(trx, { eoiId: eoi.id, sectionId: input.sectionId, sectionVersion: input.baseVersion, outcome: "conflict", answers: pageAnswers, userId: input.user.id, now: input.now });
  await recordAudit(trx, { actorUserId: input.user.id, action: "eoi.section.conflict", entityType: "eoi", entityId: eoi.id, after: { sectionId: input.sectionId, saveId, baseVersion: input.baseVersion, currentVersion: eoi.sectionVersions[input.sectionId] ?? 0, ...audit }, at: input.now });
  return { kind: "conflict", saveId } as const;
}

async function saveSectionPageOnce(db: Knex, input: SavePageInput): Promise<SaveResult> {
  return db.transaction(async (trx) => {
    const { eoi, authority } = await applicantContext(trx, input.user);
    if (!eoi) throw new EoiAccessError("no EOI started");
    if (eoi.status !== "draft") return { kind: "read-only" } as const;
    const { fields, pageAnswers } = pageAnswersOf(input, authority);
    const saved = eoi.answers[input.sectionId] ?? {};
    const current = eoi.sectionVersions[input.sectionId] ?? 0;

    if (input.baseVersion !== current) {
      const base = (await sectionAnswersAtVersion(trx, eoi.id, input.sectionId, input.baseVersion))?.answers ?? {};
      const changedByOthers = fields.some((field) => !(FIELDS_FROM_REGISTER as readonly string[]).includes(field) && !sameAnswer(base[field], saved[field]));
      const differsFromSaved = fields.some((field) => !sameAnswer(pageAnswers[field], saved[field]));
      if (changedByOthers && differsFromSaved) {
        // Only this page's answers are kept as the officer's version: keeping theirs must never
        // revert other fields of the section that others saved.
        return keepAsConflict(trx, eoi, input, pageAnswers);
      }
    }

    const answers = { ...saved, ...pageAnswers };
    const changed = !sameAnswer(answers, saved);
    const markedComplete = input.markedComplete;
    if (!changed && markedComplete === undefined) return { kind: "saved", eoi } as const;
    const sectionVersion = changed ? current + 1 : current;
    await writeSection(trx, eoi, { sectionId: input.sectionId, answers, sectionVersion, markedComplete, now: input.now });
    if (changed) await insertSectionSave(trx, { eoiId: eoi.id, sectionId: input.sectionId, sectionVersion, outcome: "saved", answers, userId: input.user.id, now: input.now });
    await recordAudit(trx, {
      actorUserId: input.user.id,
      action: markedComplete === undefined ? "eoi.section.saved" : "eoi.section.marked",
      entityType: "eoi",
      entityId: eoi.id,
      before: changed ? { sectionId: input.sectionId, answers: pick(saved, fields) } : undefined,
      after: { sectionId: input.sectionId, ...(changed ? { answers: pick(answers, fields) } : {}), ...(markedComplete === undefined ? {} : { markedComplete }) },
      at: input.now,
    });
    return { kind: "saved", eoi: (await findEoi(trx, eoi.id))! } as const;
  });
}

const pick = (answers: SectionAnswers, fields: readonly string[]) => Object.fromEntries(fields.filter((f) => f in answers).map((f) => [f, answers[f]]));

export interface ConflictView {
  saveId: number;
  sectionId: SectionId;
  fields: string[];
  mine: SectionAnswers;
  theirs: SectionAnswers;
  theirsBy: string;
  theirsAt: string;
}

/** R-34 What a stale save would have changed, beside what is saved now. Only its author sees it. */
export async function conflictView(db: Knex, input: { user: User; saveId: number }): Promise<ConflictView | null> {
  const save = await findSectionSave(db, input.saveId);
  if (!save || save.outcome !== "conflict" || save.savedBy !== input.user.id) return null;
  const { eoi } = await applicantContext(db, input.user);
  if (!eoi || eoi.id !== save.eoiId) return null;
  const theirs = eoi.answers[save.sectionId] ?? {};
  const latest = await sectionAnswersAtVersion(db, eoi.id, save.sectionId, eoi.sectionVersions[save.sectionId] ?? 0);
  const fields = Object.keys(save.answers).filter((field) => !sameAnswer(save.answers[field], theirs[field]));
  return { saveId: save.id, sectionId: save.sectionId, fields, mine: save.answers, theirs, theirsBy: latest?.savedByName ?? "Another officer", theirsAt: latest?.savedAt ?? eoi.updatedAt };
}

/** R-34 The officer keeps their version (saved over the current one) or the saved one. Both stay in the history. */
export async function resolveConflict(db: Knex, input: { user: User; saveId: number; keep: "mine" | "theirs"; now: Date }): Promise<SaveResult> {
  const view = await conflictView(db, input);
  if (!view) throw new EoiAccessError("no such conflict");
  // Beaten twice by other saves: nothing is written, the conflict stays open, the officer chooses again.
  return onceMoreIfStale(() => resolveConflictOnce(db, input, view), async () => ({ kind: "stale" }) as const);
}

async function resolveConflictOnce(db: Knex, input: { user: User; keep: "mine" | "theirs"; now: Date }, view: ConflictView): Promise<SaveResult> {
  return db.transaction(async (trx) => {
    const { eoi } = await applicantContext(trx, input.user);
    if (!eoi) throw new EoiAccessError("no EOI");
    if (eoi.status !== "draft") return { kind: "read-only" } as const;
    if (input.keep === "mine") {
      // The officer's page over the section as it is now: fields they did not edit stay as saved.
      // The versioned write comes first: when it is stale, nothing else was written.
      const answers = { ...(eoi.answers[view.sectionId] ?? {}), ...view.mine };
      const sectionVersion = (eoi.sectionVersions[view.sectionId] ?? 0) + 1;
      await writeSection(trx, eoi, { sectionId: view.sectionId, answers, sectionVersion, now: input.now });
      await insertSectionSave(trx, { eoiId: eoi.id, sectionId: view.sectionId, sectionVersion, outcome: "resolved", answers, userId: input.user.id, now: input.now });
    }
    await trx("eoi_section_saves").where({ id: view.saveId }).update({ outcome: input.keep === "mine" ? "resolved-mine" : "resolved-theirs" });
    await recordAudit(trx, { actorUserId: input.user.id, action: `eoi.section.conflict-resolved`, entityType: "eoi", entityId: eoi.id, after: { sectionId: view.sectionId, saveId: view.saveId, kept: input.keep }, at: input.now });
    return { kind: "saved", eoi: (await findEoi(trx, eoi.id))! } as const;
  });
}

export type SubmitResult = { ok: true; reference: string } | { ok: false; errors: Array<{ text: string; href: string }> };

/**
 * R-35 Submits the EOI: only while the authority's window is open (server clock), only when
 * every section is completed and the outline fits two pages. One transaction sets the unique
 * reference, audits, and queues the email (with the PDF) to the officer and the named contact.
 */
export async function submitEoi(db: Knex, input: { user: User; now: Date; random?: () => number }): Promise<SubmitResult> {
  const random = input.random ?? (() => randomInt(0, 1_000_000) / 1_000_000);
  const { round, authority, eoi } = await applicantContext(db, input.user);
  if (!eoi) throw new EoiAccessError("no EOI started");
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const reference = generateReference(EOI_REFERENCE_PREFIX, random);
    const pdf = await renderEoiPdf({ reference, authorityName: authority.name, region: authority.region, authorityType: authority.type, submittedAt: input.now, answers: eoi.answers });
    try {
      return await db.transaction(async (trx) => {
        const fresh = (await findEoi(trx, eoi.id))!;
        if (fresh.version !== eoi.version) throw new RetrySubmission();
        const check = canSubmit({ answers: fresh.answers, markedComplete: fresh.markedComplete, state: fresh.status }, { now: input.now, window: submissionWindow(round, fresh) });
        if (!check.ok) return check;
        await updateEoiStatus(trx, fresh.id, { status: "submitted", reference, submitted_at: input.now.toISOString(), submitted_by: input.user.id }, input.now);
        await recordAudit(trx, { actorUserId: input.user.id, action: "eoi.submitted", entityType: "eoi", entityId: fresh.id, before: { status: "draft" }, after: { status: "submitted", reference }, at: input.now });
        const contact = String(fresh.answers["about-the-bid"]?.contactEmail ?? "").trim();
        const email = eoiSubmittedEmail({ authorityName: authority.name, reference, submittedAtText: formatDateTimeLondon(input.now), requestsByText: formatDateLondon(round.requestsBy) });
        await enqueueEmail(trx, {
          ...email,
          to: input.user.email,
          cc: contact && contact.toLowerCase() !== input.user.email.toLowerCase() ? [contact] : undefined,
          template: "eoi-submitted",
          attachments: [{ filename: `${reference}.pdf`, contentType: "application/pdf", content: pdf }],
          now: input.now,
        });
        return { ok: true, reference } as const;
      });
    } catch (error) {
      if (error instanceof RetrySubmission) return submitEoi(db, input);
      if (isUniqueViolation(error)) continue; // the reference was taken: draw another
      throw error;
    }
  }
  throw new Error("Could not find an unused reference");
}

class RetrySubmission extends Error {}

/** R-35 The applicant may withdraw a submitted EOI before the deadline, with a reason (audited). */
export async function withdrawEoi(db: Knex, input: { user: User; reason: string; now: Date }): Promise<{ ok: true } | { ok: false; error: string }> {
  return db.transaction(async (trx) => {
    const { round, authority, eoi } = await applicantContext(trx, input.user);
    if (!eoi || eoi.status !== "submitted") return { ok: false, error: "Only a submitted expression of interest can be withdrawn" } as const;
    if (!isOpen(submissionWindow(round, eoi), input.now)) return { ok: false, error: "You can no longer withdraw – the deadline has passed" } as const;
    await updateEoiStatus(trx, eoi.id, { status: "withdrawn", withdrawn_at: input.now.toISOString(), withdrawn_reason: input.reason }, input.now);
    await recordAudit(trx, { actorUserId: input.user.id, action: "eoi.withdrawn", entityType: "eoi", entityId: eoi.id, before: { status: "submitted" }, after: { status: "withdrawn", reason: input.reason }, at: input.now });
    await enqueueEmail(trx, { ...eoiWithdrawnEmail({ authorityName: authority.name, reference: eoi.reference!, reason: input.reason }), to: input.user.email, template: "eoi-withdrawn", now: input.now });
    return { ok: true } as const;
  });
}

/** R-35 The programme manager extends one authority's deadline (a date; the end of that London day). */
export async function extendDeadline(db: Knex, input: { actor: User; eoiId: number; date: string; now: Date }) {
  return db.transaction(async (trx) => {
    const eoi = await findEoi(trx, input.eoiId);
    if (!eoi) throw new EoiAccessError("no such EOI");
    const extendedTo = endOfDayLondon(input.date).toISOString();
    await updateEoiStatus(trx, eoi.id, { deadline_extended_to: extendedTo }, input.now);
    await recordAudit(trx, { actorUserId: input.actor.id, action: "eoi.deadline-extended", entityType: "eoi", entityId: eoi.id, before: { deadlineExtendedTo: eoi.deadlineExtendedTo }, after: { deadlineExtendedTo: extendedTo }, at: input.now });
  });
}

/** R-9 The programme team records that the hard copy arrived. */
export async function recordHardCopy(db: Knex, input: { actor: User; eoiId: number; date: string; now: Date }) {
  return db.transaction(async (trx) => {
    const eoi = await findEoi(trx, input.eoiId);
    if (!eoi || eoi.status === "draft") throw new EoiAccessError("only a submitted EOI has a hard copy");
    const receivedAt = input.date; // a London calendar date, YYYY-MM-DD
    await updateEoiStatus(trx, eoi.id, { hard_copy_received_at: receivedAt }, input.now);
    await recordAudit(trx, { actorUserId: input.actor.id, action: "eoi.hard-copy-received", entityType: "eoi", entityId: eoi.id, before: { hardCopyReceivedAt: eoi.hardCopyReceivedAt }, after: { hardCopyReceivedAt: receivedAt }, at: input.now });
  });
}

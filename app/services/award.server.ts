import type { Knex } from "knex";
import { grantOfferEmail, offerAcceptedEmail } from "../../emails/templates-stage3";
import { enqueueEmail } from "../../emails/outbox.server";
import { recordAudit } from "~/data/audit.server";
import { findApplication, insertApplicationReview, latestApplicationVersion } from "~/data/applications.server";
import { findAuthority } from "~/data/authorities.server";
import { awardTotals, DuplicateAwardError, findAward, findAwardForApplication, insertAward, listAwards, markAwardAccepted, type Award } from "~/data/awards.server";
import { findEoi } from "~/data/eois.server";
import { currentRound, findRound, type Round } from "~/data/rounds.server";
import type { User } from "~/data/users.server";
import { awardProblems, checkAcceptance, decisionRefusal, offerConditions, reportingTimetable, type AcceptanceForm } from "~/domain/application/award";
import { dateText } from "~/domain/application/display";
import { GIVING360_PREFIX, grantIdentifier } from "~/domain/application/giving360";
import { outputField } from "~/domain/application/sections";
import { formatDateLondon } from "~/domain/calendar";
import { formatMoney, parseMoney } from "~/domain/money";
import { OUTPUTS } from "~/domain/programme";
import { applicantApplicationContext, applicationRecipients, ApplicationNotFoundError, programmeFor } from "./application.server";
import { ApplicationMissingError, ApplicationRuleError, requireProgrammeManager } from "./application-review.server";
import { renderOfferLetterPdf, type OfferLetter } from "./award-pdf.server";

// R-52 R-53 Approval makes the grant award, with its caps checked inside the same transaction as
// the insert; the offer letter goes by email with its PDF; the named officer accepts, which starts
// the pilot and offers the health check visit.

/** The 360Giving prefix in use: GIVING360_PREFIX unless the deployment sets its own. */
export const giving360Prefix = () => process.env.GIVING360_PREFIX?.trim() || GIVING360_PREFIX;

/** R-52 The award's caps refused it: every reason, for the manager's error summary. */
export class AwardRuleError extends ApplicationRuleError {
  constructor(readonly problems: string[]) {
    super("amount", problems[0] ?? "The grant cannot be awarded");
  }
}

/**
 * R-52 Approves the latest submitted version and makes the grant award, in one transaction:
 * 1. its first statement locks the round (lockRoundOfApplication): every other approval in the
 *    round waits here, so what follows sees every award committed before it;
 * 2. the caps: amount more than £0 and ≤ min(£100,000, the CLG request), no other award in the
 *    region, the round's awards ≤ £900,000 (docs/decisions/0030-award-caps.md);
 * 3. the award, the review row, the application's new state, the audit rows and the offer email
 *    with its PDF. The unique index on (round, region) backs rule 2 up.
 * `amountPence` defaults to the CLG request (capped at the round's maximum).
 */
/**
 * R-52 The lock every approval in a round queues behind (docs/decisions/0030-award-caps.md).
 * SQLite: a write to the round's row takes the database's write lock at once (BEGIN IMMEDIATE
 * semantics: knex's BEGIN is deferred, and a deferred transaction that reads first can fail to
 * upgrade). PostgreSQL: SELECT … FOR UPDATE locks the round's row until commit; at READ COMMITTED
 * each later statement then reads a snapshot that includes the award committed before it.
 */
async function lockRoundOfApplication(trx: Knex.Transaction, applicationId: number): Promise<void> {
  const roundOfApplication = trx("applications").select("round_id").where({ id: applicationId });
  if (trx.client.config.client === "pg") await trx("rounds").whereIn("id", roundOfApplication).forUpdate().select("id");
  else await trx.raw("UPDATE rounds SET updated_at = updated_at WHERE id = (SELECT round_id FROM applications WHERE id = ?)", [applicationId]);
}

export async function approveApplication(db: Knex, input: { actor: User; applicationId: number; amountPence?: number | null; comments?: string; baseUrl: string; now: Date }): Promise<{ awardId: number }> {
  requireProgrammeManager(input.actor);
  try {
    return await db.transaction(async (trx) => {
      await lockRoundOfApplication(trx, input.applicationId);
      const application = await findApplication(trx, input.applicationId);
      if (!application) throw new ApplicationMissingError();
      const refusal = decisionRefusal(application.status, "approve");
      if (refusal) throw new ApplicationRuleError("decision", refusal);
      const [version, round, authority] = await Promise.all([
        latestApplicationVersion(trx, application.id),
        findRound(trx as unknown as Knex, application.roundId),
        findAuthority(trx as unknown as Knex, application.authorityId),
      ]);
      if (!version || !round || !authority) throw new ApplicationMissingError();
      const amountPence = input.amountPence ?? Math.min(version.clgRequestPence, round.maxAwardPence);
      const totals = await awardTotals(trx, round.id, authority.region);
      const problems = awardProblems({
        amountPence,
        clgRequestPence: version.clgRequestPence,
        maximumAwardPence: round.maxAwardPence,
        fundPence: round.totalFundPence,
        region: authority.region,
        awardInRegion: totals.inRegion,
        totalAwardedPence: totals.totalPence,
      });
      if (problems.length) throw new AwardRuleError(problems);

      const awardId = await insertAward(trx, { roundId: round.id, applicationId: application.id, authorityId: authority.id, region: authority.region, amountPence, clgRequestPence: version.clgRequestPence, by: input.actor.id, at: input.now });
      await insertApplicationReview(trx, { applicationId: application.id, versionNumber: version.number, decision: "approved", comments: input.comments?.trim() ?? "", userId: input.actor.id, now: input.now });
      await trx("applications").where({ id: application.id }).update({ status: "approved", decided_at: input.now.toISOString(), decided_by: input.actor.id, version: application.version + 1, updated_at: input.now.toISOString() });
      await recordAudit(trx, { actorUserId: input.actor.id, action: "application.approved", entityType: "application", entityId: application.id, before: { status: application.status }, after: { status: "approved", version: version.number, awardId }, at: input.now });
      await recordAudit(trx, {
        actorUserId: input.actor.id,
        action: "award.made",
        entityType: "grant_award",
        entityId: awardId,
        after: { applicationId: application.id, authorityId: authority.id, region: authority.region, amountPence, clgRequestPence: version.clgRequestPence, roundTotalPence: totals.totalPence + amountPence },
        at: input.now,
      });

      const award = (await findAward(trx, awardId))!;
      const letter = await offerLetterFor(trx, award);
      const pdf = await renderOfferLetterPdf(letter);
      const submitter = application.submittedBy ? await trx("users").where({ id: application.submittedBy }).first("email") : null;
      const recipients = await applicationRecipients(trx, application, submitter?.email ?? null);
      if (recipients) {
        const email = grantOfferEmail({ authorityName: authority.name, reference: letter.eoiReference, amountText: formatMoney(amountPence), startByText: formatDateLondon(round.startBy), link: `${input.baseUrl}/applicant/application/offer`, grantId: letter.grantId });
        await enqueueEmail(trx, { ...email, ...recipients, template: "grant-offer", attachments: [{ filename: `${letter.grantId}-offer.pdf`, contentType: "application/pdf", content: pdf }], now: input.now });
      }
      return { awardId };
    });
  } catch (error) {
    // The unique index on (round, region) or on the application refused a second award.
    if (error instanceof DuplicateAwardError) throw new AwardRuleError(["This region already has a grant award: there is one pilot per region"]);
    throw error;
  }
}

/** R-53 Everything the offer letter shows, from the award and the version approved. */
export async function offerLetterFor(db: Knex | Knex.Transaction, award: Award): Promise<OfferLetter> {
  const application = await findApplication(db, award.applicationId);
  const version = application ? await latestApplicationVersion(db, application.id) : null;
  const round = await findRound(db as Knex, award.roundId);
  const eoi = application ? await findEoi(db, application.eoiId) : null;
  if (!application || !version || !round) throw new ApplicationMissingError();
  const { programme } = programmeFor(round);
  const outputs = version.answers.outputs ?? {};
  const money = (value: unknown) => {
    const parsed = typeof value === "string" ? parseMoney(value) : null;
    return parsed?.ok ? formatMoney(parsed.pence) : "";
  };
  return {
    grantId: grantIdentifier(giving360Prefix(), award.id),
    roundName: round.name,
    authorityName: award.authorityName,
    region: award.region,
    eoiReference: eoi?.reference ?? "",
    versionNumber: version.number,
    amountPence: award.amountPence,
    clgRequestPence: version.clgRequestPence,
    totalCostPence: version.totalCostPence,
    awardedAt: new Date(award.awardedAt),
    startBy: round.startBy,
    endsOn: round.endsOn,
    conditions: offerConditions(programme, version.number),
    timetable: reportingTimetable(programme),
    outputs: OUTPUTS.map((output) => ({
      key: output.key,
      title: output.title,
      text: output.text,
      plan: String(outputs[outputField(output.key, "What")] ?? "").trim(),
      when: dateText(outputs[outputField(output.key, "When")]),
      cost: money(outputs[outputField(output.key, "Cost")]),
    })),
    acceptance: award.status === "accepted" && award.acceptingOfficerName ? { officerName: award.acceptingOfficerName, officerRole: award.acceptingOfficerRole ?? "", date: award.acceptanceDate ?? "" } : null,
  };
}

/** R-53 The applicant's view of their award (404 for anyone whose authority has none). */
export async function applicantAward(db: Knex, user: User): Promise<{ award: Award; letter: OfferLetter }> {
  const { application } = await applicantApplicationContext(db, user);
  const award = application ? await findAwardForApplication(db, application.id) : null;
  if (!award) throw new ApplicationNotFoundError("no award");
  return { award, letter: await offerLetterFor(db, award) };
}

export type AcceptResult = { ok: true } | { ok: false; errors: Array<[field: string, message: string]> };

/**
 * R-53 The lead authority accepts the offer through a named officer (name, job title, date,
 * declaration). Once only: the update is conditional on the award still being offered, so a
 * second acceptance (or two at once) changes nothing and is told so. Acceptance starts the pilot
 * and offers the health check visit, by email, in the same transaction.
 */
export async function acceptOffer(db: Knex, input: { user: User; form: AcceptanceForm; baseUrl: string; now: Date }): Promise<AcceptResult> {
  return db.transaction(async (trx) => {
    const { application, authority } = await applicantApplicationContext(trx, input.user);
    const award = application ? await findAwardForApplication(trx, application.id) : null;
    if (!application || !award) throw new ApplicationNotFoundError("no award");
    if (award.status === "accepted") return { ok: false, errors: [["declaration", `This offer was already accepted on ${formatDateLondon(award.acceptanceDate ?? award.acceptedAt ?? "")} by ${award.acceptingOfficerName}`]] } as const;
    const check = checkAcceptance(input.form, { now: input.now, offeredAt: new Date(award.awardedAt) });
    if (!check.ok) return check;
    const officerName = input.form.officerName.trim();
    const officerRole = input.form.officerRole.trim();
    const accepted = await markAwardAccepted(trx, { awardId: award.id, userId: input.user.id, officerName, officerRole, acceptanceDate: check.date, at: input.now });
    if (!accepted) return { ok: false, errors: [["declaration", "This offer was accepted by another officer a moment ago"]] } as const;
    await recordAudit(trx, {
      actorUserId: input.user.id,
      action: "award.accepted",
      entityType: "grant_award",
      entityId: award.id,
      before: { status: "offered" },
      after: { status: "accepted", officerName, officerRole, acceptanceDate: check.date, pilotStartedAt: input.now.toISOString(), healthCheckOffered: true },
      at: input.now,
    });
    const recipients = await applicationRecipients(trx, application, input.user.email);
    if (recipients) {
      const email = offerAcceptedEmail({
        authorityName: authority.name,
        officerName,
        officerRole,
        acceptedOnText: formatDateLondon(check.date),
        amountText: formatMoney(award.amountPence),
        grantId: grantIdentifier(giving360Prefix(), award.id),
        link: `${input.baseUrl}/applicant/application/offer`,
      });
      await enqueueEmail(trx, { ...email, ...recipients, template: "grant-offer-accepted", now: input.now });
    }
    return { ok: true } as const;
  });
}

/** R-52 The round's awards against its fund, for the manager. */
export async function loadAwardsOverview(db: Knex, input: { actor: User }): Promise<{ round: Round; awards: Award[]; totalPence: number } | null> {
  requireProgrammeManager(input.actor);
  const round = await currentRound(db);
  if (!round) return null;
  const awards = await listAwards(db, round.id);
  return { round, awards, totalPence: awards.reduce((sum, award) => sum + award.amountPence, 0) };
}

/** R-53 One award for the manager, with its offer letter. */
export async function loadAwardForManager(db: Knex, input: { actor: User; awardId: number }): Promise<{ award: Award; letter: OfferLetter }> {
  requireProgrammeManager(input.actor);
  const award = await findAward(db, input.awardId);
  if (!award) throw new ApplicationMissingError();
  return { award, letter: await offerLetterFor(db, award) };
}

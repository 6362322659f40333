import type { Knex } from "knex";
import { applicationDeclinedEmail, changesRequestedEmail } from "../../emails/templates-stage3";
import { enqueueEmail } from "../../emails/outbox.server";
import { recordAudit } from "~/data/audit.server";
import {
  findApplication,
  insertApplicationReview,
  listApplicationReviews,
  listApplicationsForRound,
  listApplicationVersions,
  type Application,
  type ApplicationListItem,
  type ApplicationReview,
  type ApplicationVersion,
} from "~/data/applications.server";
import { findAwardForApplication, type Award } from "~/data/awards.server";
import { findAuthority, type Authority } from "~/data/authorities.server";
import { findEoi } from "~/data/eois.server";
import { currentRound, findRound, type Round } from "~/data/rounds.server";
import type { User } from "~/data/users.server";
import { decisionRefusal, type Decision } from "~/domain/application/award";
import type { ApplicationProgramme } from "~/domain/application/programme";
import type { ApplicationSection } from "~/domain/application/sections";
import { countCharacters } from "~/domain/words";
import { applicationRecipients, programmeFor } from "./application.server";

// R-52 The programme manager reads the detailed applications, asks for changes or declines
// (approval, which makes the grant award, is award.server.ts). Every decision is a row in
// application_reviews (append-only), audited, and emailed to the authority in one transaction.

export class ApplicationForbiddenError extends Error {}
export class ApplicationMissingError extends Error {}
/** A rule refused the request: shown on the form, against `field`. */
export class ApplicationRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function requireProgrammeManager(actor: User): void {
  if (actor.role !== "programme_manager") throw new ApplicationForbiddenError("programme managers only");
}

export interface ApplicationsOverview {
  round: Round;
  items: ApplicationListItem[];
  totalAwardedPence: number;
}

/** R-50 R-52 Every invited authority with its application's state and award. */
export async function loadApplicationsOverview(db: Knex, input: { actor: User }): Promise<ApplicationsOverview | null> {
  requireProgrammeManager(input.actor);
  const round = await currentRound(db);
  if (!round) return null;
  const items = await listApplicationsForRound(db, round.id);
  return { round, items, totalAwardedPence: items.reduce((sum, item) => sum + (item.award?.amountPence ?? 0), 0) };
}

export interface ApplicationForManager {
  application: Application;
  authority: Authority;
  round: Round;
  eoiReference: string;
  programme: ApplicationProgramme;
  sections: readonly ApplicationSection[];
  versions: ApplicationVersion[];
  reviews: ApplicationReview[];
  award: Award | null;
  /** The version being read (the latest submitted one unless another is asked for), or null for an unsubmitted draft. */
  shown: ApplicationVersion | null;
}

/** R-52 One application for the manager: the version asked for (default the latest), with the history. */
export async function loadApplicationForManager(db: Knex, input: { actor: User; applicationId: number; versionNumber?: number | null }): Promise<ApplicationForManager> {
  requireProgrammeManager(input.actor);
  const application = await findApplication(db, input.applicationId);
  if (!application) throw new ApplicationMissingError();
  const [authority, round, eoi, versions, reviews, award] = await Promise.all([
    findAuthority(db, application.authorityId),
    findRound(db, application.roundId),
    findEoi(db, application.eoiId),
    listApplicationVersions(db, application.id),
    listApplicationReviews(db, application.id),
    findAwardForApplication(db, application.id),
  ]);
  if (!authority || !round) throw new ApplicationMissingError();
  const shown = input.versionNumber ? (versions.find((v) => v.number === input.versionNumber) ?? null) : (versions.at(-1) ?? null);
  if (input.versionNumber && !shown) throw new ApplicationMissingError();
  return { application, authority, round, eoiReference: eoi?.reference ?? "", ...programmeFor(round), versions, reviews, award, shown };
}

export const COMMENTS_LIMIT = 5_000;

function checkComments(decision: Decision, comments: string): void {
  const text = comments.trim();
  if (!text) {
    throw new ApplicationRuleError("comments", decision === "decline" ? "Enter the reasons for declining the application" : "Enter the changes the authority needs to make");
  }
  if (countCharacters(text) > COMMENTS_LIMIT) throw new ApplicationRuleError("comments", `Comments must be ${COMMENTS_LIMIT.toLocaleString("en-GB")} characters or fewer`);
}

/**
 * R-52 Asks the authority for changes (with comments) or declines the application. Only a
 * submitted version can be decided; the decision, the new state, the audit row and the email
 * are one transaction, whose first statement writes (so a concurrent decision waits for it).
 */
export async function decideWithoutAward(db: Knex, input: { actor: User; applicationId: number; decision: "request-changes" | "decline"; comments: string; baseUrl: string; now: Date }): Promise<void> {
  requireProgrammeManager(input.actor);
  checkComments(input.decision, input.comments);
  await db.transaction(async (trx) => {
    // Take the write lock first (BEGIN IMMEDIATE semantics on SQLite; a row lock on PostgreSQL).
    await trx("applications").where({ id: input.applicationId }).update({ updated_at: trx.ref("updated_at") });
    const application = await findApplication(trx, input.applicationId);
    if (!application) throw new ApplicationMissingError();
    const refusal = decisionRefusal(application.status, input.decision);
    if (refusal) throw new ApplicationRuleError("decision", refusal);
    const status = input.decision === "decline" ? "declined" : "changes-requested";
    const comments = input.comments.trim();
    await insertApplicationReview(trx, { applicationId: application.id, versionNumber: application.submissionCount, decision: status, comments, userId: input.actor.id, now: input.now });
    await trx("applications")
      .where({ id: application.id })
      .update({ status, decided_at: input.now.toISOString(), decided_by: input.actor.id, version: application.version + 1, updated_at: input.now.toISOString() });
    await recordAudit(trx, { actorUserId: input.actor.id, action: input.decision === "decline" ? "application.declined" : "application.changes-requested", entityType: "application", entityId: application.id, before: { status: application.status }, after: { status, version: application.submissionCount, comments }, at: input.now });

    const [authority, eoi, submitter] = await Promise.all([
      findAuthority(trx as unknown as Knex, application.authorityId),
      findEoi(trx, application.eoiId),
      application.submittedBy ? trx("users").where({ id: application.submittedBy }).first("email") : null,
    ]);
    const recipients = await applicationRecipients(trx, application, submitter?.email ?? null);
    if (recipients && authority) {
      const reference = eoi?.reference ?? "";
      const email =
        input.decision === "decline"
          ? applicationDeclinedEmail({ authorityName: authority.name, reference, comments })
          : changesRequestedEmail({ authorityName: authority.name, reference, versionNumber: application.submissionCount, comments, link: `${input.baseUrl}/applicant/application` });
      await enqueueEmail(trx, { ...email, ...recipients, template: input.decision === "decline" ? "application-declined" : "application-changes-requested", now: input.now });
    }
  });
}

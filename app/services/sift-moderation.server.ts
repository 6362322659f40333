import type { Knex } from "knex";
import { recordAudit } from "~/data/audit.server";
import {
  findShortlist,
  findSiftBid,
  insertModerationVersion,
  listAssessmentVersions,
  listAssignmentHistory,
  listModerations,
  type AssessmentVersion,
  type AssignmentRow,
  type ModerationVersion,
} from "~/data/sift.server";
import type { User } from "~/data/users.server";
import { CRITERION_KEYS, weightedTotalHundredths } from "~/domain/sift/criteria";
import type { ModerationForm } from "~/domain/sift/forms";
import { needsModeration, type ModerationCheck } from "~/domain/sift/moderation";
import { SiftNotFoundError, SiftRuleError, requireRole } from "./sift-errors.server";
import { loadSiftState, scoresOf, type BidInSift } from "./sift-overview.server";

// R-42 A bid's score history and its moderation by the programme manager.

export interface BidRecord {
  bid: BidInSift;
  weights: Record<string, number>;
  /** The two completed assessments of the live assignments, when there are two. */
  pair: [AssessmentVersion, AssessmentVersion] | null;
  check: ModerationCheck | null;
  /** R-42 every saved version of every assessor's scores, oldest first. */
  history: AssessmentVersion[];
  moderations: ModerationVersion[];
  assignments: AssignmentRow[];
  closed: boolean;
}

/** R-42 Everything recorded about one bid's scores, for the programme manager. */
export async function loadBidRecord(db: Knex | Knex.Transaction, input: { actor: User; eoiId: number }): Promise<BidRecord> {
  requireRole(input.actor, "programme_manager");
  const found = await findSiftBid(db, input.eoiId);
  if (!found) throw new SiftNotFoundError();
  const [state, versions, moderations, assignments, shortlist] = await Promise.all([
    loadSiftState(db, found.roundId),
    listAssessmentVersions(db, { eoiId: found.id }),
    listModerations(db, { eoiId: found.id }),
    listAssignmentHistory(db, found.id),
    findShortlist(db, found.roundId),
  ]);
  const bid = state.bids.find((b) => b.id === found.id)!;
  const complete = bid.assessors.filter((a) => a.state === "complete" && a.latest).map((a) => a.latest!);
  const pair = complete.length >= 2 ? ([complete[0]!, complete[1]!] as [AssessmentVersion, AssessmentVersion]) : null;
  return {
    bid,
    weights: state.weights,
    pair,
    check: pair ? needsModeration(scoresOf(pair[0]), scoresOf(pair[1]), state.weights) : null,
    history: [...versions].sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id - b.id),
    moderations,
    assignments,
    closed: Boolean(shortlist),
  };
}

/**
 * R-42 The programme manager records agreed scores with a reason, once both assessments are
 * complete. A later moderation is a new version; the latest one is the bid's final score.
 */
export async function moderateBid(db: Knex, input: { actor: User; eoiId: number; form: ModerationForm; now: Date }): Promise<{ version: number; totalHundredths: number }> {
  requireRole(input.actor, "programme_manager");
  return db.transaction(async (trx) => {
    const record = await loadBidRecord(trx, input);
    if (record.closed) throw new SiftRuleError("reason", "The shortlist has been confirmed, so scores can no longer change");
    if (!record.pair) throw new SiftRuleError("reason", "Both assessments must be complete before the scores can be moderated");
    const weights = record.weights as Record<(typeof CRITERION_KEYS)[number], number>;
    const totalHundredths = weightedTotalHundredths(input.form.scores, weights);
    const version = (record.moderations.at(-1)?.version ?? 0) + 1;
    const id = await insertModerationVersion(trx, {
      eoiId: record.bid.id,
      version,
      scores: input.form.scores,
      weights,
      totalHundredths,
      reason: input.form.reason,
      by: input.actor.id,
      at: input.now,
    });
    const previous = record.moderations.at(-1);
    await recordAudit(trx, {
      actorUserId: input.actor.id,
      action: "sift.moderated",
      entityType: "sift_moderation",
      entityId: id,
      before: previous
        ? { version: previous.version, scores: previous.scores, totalHundredths: previous.totalHundredths }
        : { assessments: record.pair.map((a) => ({ assessorId: a.assessorId, version: a.version, totalHundredths: a.totalHundredths })), flagged: record.check?.reasons ?? [] },
      after: { eoiId: record.bid.id, version, scores: input.form.scores, totalHundredths, reason: input.form.reason },
      at: input.now,
    });
    return { version, totalHundredths };
  });
}

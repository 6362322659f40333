import type { Knex } from "knex";
import { recordAudit } from "~/data/audit.server";
import {
  findLiveAssignment,
  findShortlist,
  findSiftBid,
  insertAssessmentVersion,
  latestAssessmentVersion,
  latestVersions,
  listAssessmentVersions,
  listConflicts,
  listLiveAssignments,
  listSiftBids,
  loadSavedWeights,
  roundHasScores,
  saveWeightRows,
  type AssessmentVersion,
  type SiftBid,
  type StoredScores,
} from "~/data/sift.server";
import type { User } from "~/data/users.server";
import { isConflicted } from "~/domain/sift/assignment";
import { CRITERION_KEYS, weightedTotalHundredths, weightsWithDefaults, type CriterionKey, type Weights } from "~/domain/sift/criteria";
import { weightFieldId, type ScoreForm } from "~/domain/sift/forms";
import { SiftForbiddenError, SiftNotFoundError, SiftRuleError, requireRole } from "./sift-errors.server";
import { roundWeights, scoresOf } from "./sift-overview.server";

// R-41 Scoring, and R-42 scores as history: every save is a new version, never an overwrite.

type Db = Knex | Knex.Transaction;

/**
 * R-20 An assessor reaches a bid only through a live assignment to them (otherwise it does not
 * exist for them: 404), and never one they have declared a conflict of interest with (403).
 */
async function assignedBid(db: Db, actor: User, eoiId: number) {
  requireRole(actor, "assessor");
  const bid = await findSiftBid(db, eoiId);
  const assignment = bid ? await findLiveAssignment(db, bid.id, actor.id) : null;
  if (!bid || !assignment) throw new SiftNotFoundError();
  if (isConflicted(await listConflicts(db, { assessorId: actor.id }), actor.id, bid.authorityId)) {
    throw new SiftForbiddenError(`You have declared a conflict of interest with ${bid.authorityName}, so you cannot assess this bid`);
  }
  return { bid, assignment };
}

export interface QueueItem {
  eoiId: number;
  reference: string;
  authorityName: string;
  region: string;
  state: "not started" | "draft" | "complete";
  totalHundredths: number | null;
}

/** R-41 R-20 The assessor's queue: only the bids assigned to them. */
export async function assessorQueue(db: Knex, input: { actor: User; roundId: number }): Promise<QueueItem[]> {
  requireRole(input.actor, "assessor");
  const [live, bids, versions] = await Promise.all([
    listLiveAssignments(db, { roundId: input.roundId, assessorId: input.actor.id }),
    listSiftBids(db, input.roundId),
    listAssessmentVersions(db, { roundId: input.roundId, assessorId: input.actor.id }),
  ]);
  const latest = latestVersions(versions);
  return bids
    .filter((bid) => live.some((a) => a.eoiId === bid.id))
    .map((bid) => {
      const version = latest.find((v) => v.eoiId === bid.id) ?? null;
      return {
        eoiId: bid.id,
        reference: bid.reference,
        authorityName: bid.authorityName,
        region: bid.region,
        state: version ? version.status : "not started",
        totalHundredths: version ? version.totalHundredths : null,
      };
    });
}

export interface ScoringPage {
  bid: SiftBid;
  latest: AssessmentVersion | null;
  weights: Weights;
  closed: boolean;
}

/** R-41 What the scoring page needs, for an assessor the bid is assigned to. */
export async function loadScoringPage(db: Knex, input: { actor: User; eoiId: number }): Promise<ScoringPage> {
  const { bid } = await assignedBid(db, input.actor, input.eoiId);
  const [latest, weights, shortlist] = await Promise.all([
    latestAssessmentVersion(db, bid.id, input.actor.id),
    roundWeights(db, bid.roundId),
    findShortlist(db, bid.roundId),
  ]);
  return { bid, latest, weights, closed: Boolean(shortlist) };
}

export const STALE_SCORES_MESSAGE = "You saved scores for this bid in another window after opening this page. Check the scores below and save again";

/**
 * R-41 R-42 Saves an assessor's scores as a new version, with its weighted total computed here.
 * A draft may be partial; a complete assessment has every score and justification (the form
 * checks that; this checks it again so no caller can skip it).
 */
export async function saveAssessment(db: Knex, input: { actor: User; eoiId: number; form: ScoreForm; now: Date }): Promise<{ reference: string; version: number; totalHundredths: number; changed: boolean }> {
  return db.transaction(async (trx) => {
    const { bid, assignment } = await assignedBid(trx, input.actor, input.eoiId);
    if (await findShortlist(trx, bid.roundId)) throw new SiftRuleError(`score-${CRITERION_KEYS[0]}`, "The shortlist has been confirmed, so scores can no longer change");
    const latest = await latestAssessmentVersion(trx, bid.id, input.actor.id);
    if ((latest?.version ?? 0) !== input.form.basedOnVersion) throw new SiftRuleError(`score-${CRITERION_KEYS[0]}`, STALE_SCORES_MESSAGE);

    const scores = Object.fromEntries(CRITERION_KEYS.map((key) => [key, { score: input.form.scores[key].score, justification: input.form.scores[key].justification }])) as StoredScores;
    if (input.form.intent === "complete") {
      for (const key of CRITERION_KEYS) {
        if (scores[key].score === null || scores[key].justification === "") throw new SiftRuleError(`score-${key}`, "Every criterion needs a score and a justification to mark the assessment complete");
      }
    } else if (CRITERION_KEYS.every((key) => scores[key].score === null && scores[key].justification === "")) {
      throw new SiftRuleError(`score-${CRITERION_KEYS[0]}`, "Enter at least one score or justification to save a draft");
    }
    if (latest && latest.status === input.form.intent && JSON.stringify(latest.scores) === JSON.stringify(scores)) {
      return { reference: bid.reference, version: latest.version, totalHundredths: latest.totalHundredths, changed: false };
    }

    const weights = await roundWeights(trx, bid.roundId);
    const totalHundredths = weightedTotalHundredths(scoresOf({ scores }), weights);
    const version = (latest?.version ?? 0) + 1;
    const id = await insertAssessmentVersion(trx, {
      eoiId: bid.id,
      assessorId: input.actor.id,
      assignmentId: assignment.id,
      version,
      status: input.form.intent,
      scores,
      weights,
      totalHundredths,
      at: input.now,
    });
    await recordAudit(trx, {
      actorUserId: input.actor.id,
      action: "sift.assessment-saved",
      entityType: "sift_assessment",
      entityId: id,
      before: latest ? { version: latest.version, status: latest.status, scores: scoresOf(latest), totalHundredths: latest.totalHundredths } : undefined,
      after: { eoiId: bid.id, version, status: input.form.intent, scores: scoresOf({ scores }), totalHundredths },
      at: input.now,
    });
    return { reference: bid.reference, version, totalHundredths, changed: true };
  });
}

/** R-41 The weights in force and whether they can still change. */
export async function loadWeights(db: Knex, input: { actor: User; roundId: number }): Promise<{ weights: Weights; locked: boolean }> {
  requireRole(input.actor, "programme_manager");
  const [weights, locked] = await Promise.all([roundWeights(db, input.roundId), roundHasScores(db, input.roundId)]);
  return { weights, locked };
}

export const WEIGHTS_LOCKED_MESSAGE = "The weights cannot change because assessors have started saving scores";

/** R-41 The programme manager sets the criterion weights, only until the first score is saved. */
export async function setWeights(db: Knex, input: { actor: User; roundId: number; weights: Record<CriterionKey, number>; now: Date }): Promise<void> {
  requireRole(input.actor, "programme_manager");
  const total = CRITERION_KEYS.reduce((sum, key) => sum + input.weights[key], 0);
  if (total !== 100 || CRITERION_KEYS.some((key) => !Number.isInteger(input.weights[key]) || input.weights[key] < 0)) {
    throw new SiftRuleError(weightFieldId(CRITERION_KEYS[0]!), `The weights must add up to 100%. They add up to ${total}%`);
  }
  await db.transaction(async (trx) => {
    if (await roundHasScores(trx, input.roundId)) throw new SiftRuleError(weightFieldId(CRITERION_KEYS[0]!), WEIGHTS_LOCKED_MESSAGE);
    const before = weightsWithDefaults(await loadSavedWeights(trx, input.roundId));
    await saveWeightRows(trx, input.roundId, input.weights, input.actor.id, input.now);
    await recordAudit(trx, { actorUserId: input.actor.id, action: "sift.weights-changed", entityType: "round", entityId: input.roundId, before, after: input.weights, at: input.now });
  });
}

import type { Knex } from "knex";
import {
  findShortlist,
  latestVersions,
  listAssessmentVersions,
  listAssessors,
  listConflicts,
  listLiveAssignments,
  listModerations,
  listSiftBids,
  loadSavedWeights,
  roundHasScores,
  type AssessmentVersion,
  type Conflict,
  type ModerationVersion,
  type SiftBid,
} from "~/data/sift.server";
import { currentRound, type Round } from "~/data/rounds.server";
import type { User } from "~/data/users.server";
import { bidFacts, type BidFacts } from "~/domain/sift/bid";
import { CRITERION_KEYS, weightsWithDefaults, type CriterionScores, type Weights } from "~/domain/sift/criteria";
import { finalScore, type FinalScore } from "~/domain/sift/moderation";
import { SiftNotFoundError, requireRole } from "./sift-errors.server";

// What the programme manager sees of the sift: every bid with its assessors, their
// progress, the moderation flag and the final score; and each assessor's load.

/** The round the sift is about: the current one. No round yet: nothing to sift (404). */
export async function siftRound(db: Knex): Promise<Round> {
  const round = await currentRound(db);
  if (!round) throw new SiftNotFoundError("There is no round yet");
  return round;
}

export type AssessmentState = "not started" | "draft" | "complete";

export interface BidAssessor {
  assignmentId: number;
  assessorId: number;
  name: string;
  method: "manual" | "automatic";
  state: AssessmentState;
  totalHundredths: number | null;
  latest: AssessmentVersion | null;
}

export interface BidInSift extends BidFacts {
  id: number;
  reference: string;
  status: string;
  authorityId: number;
  authorityName: string;
  submittedAt: string;
  answers: SiftBid["answers"];
  assessors: BidAssessor[];
  moderation: ModerationVersion | null;
  final: FinalScore;
}

export interface SiftState {
  weights: Weights;
  weightsLocked: boolean;
  shortlistConfirmed: boolean;
  bids: BidInSift[];
}

export function scoresOf(version: Pick<AssessmentVersion, "scores">): CriterionScores {
  return Object.fromEntries(CRITERION_KEYS.map((key) => [key, version.scores[key]?.score ?? null]));
}

/** R-41 The weights in force for a round. */
export async function roundWeights(db: Knex | Knex.Transaction, roundId: number): Promise<Weights> {
  return weightsWithDefaults(await loadSavedWeights(db, roundId));
}

/** The whole sift of a round, read in one go (R-42 final scores computed by the domain rules). */
export async function loadSiftState(db: Knex | Knex.Transaction, roundId: number): Promise<SiftState> {
  const [bids, live, versions, moderations, weights, weightsLocked, shortlist] = await Promise.all([
    listSiftBids(db, roundId),
    listLiveAssignments(db, { roundId }),
    listAssessmentVersions(db, { roundId }),
    listModerations(db, { roundId }),
    roundWeights(db, roundId),
    roundHasScores(db, roundId),
    findShortlist(db, roundId),
  ]);
  const latest = latestVersions(versions);
  return {
    weights,
    weightsLocked,
    shortlistConfirmed: Boolean(shortlist),
    bids: bids.map((bid) => {
      const assessors: BidAssessor[] = live
        .filter((assignment) => assignment.eoiId === bid.id)
        .map((assignment) => {
          const version = latest.find((v) => v.eoiId === bid.id && v.assessorId === assignment.assessorId) ?? null;
          return {
            assignmentId: assignment.id,
            assessorId: assignment.assessorId,
            name: assignment.assessorName,
            method: assignment.method,
            state: version ? version.status : "not started",
            totalHundredths: version ? version.totalHundredths : null,
            latest: version,
          };
        });
      const moderation = moderations.filter((m) => m.eoiId === bid.id).at(-1) ?? null;
      const completed = assessors.filter((a) => a.state === "complete" && a.latest).map((a) => scoresOf(a.latest!));
      return {
        id: bid.id,
        reference: bid.reference,
        status: bid.status,
        authorityId: bid.authorityId,
        authorityName: bid.authorityName,
        submittedAt: bid.submittedAt,
        answers: bid.answers,
        ...bidFacts(bid.answers, { region: bid.region, type: bid.authorityType, setting: bid.authoritySetting }),
        assessors,
        moderation,
        final: finalScore({ completed, moderated: moderation ? moderation.scores : null, weights }),
      };
    }),
  };
}

export async function siftOverview(db: Knex, input: { actor: User; roundId: number }): Promise<SiftState> {
  requireRole(input.actor, "programme_manager");
  return loadSiftState(db, input.roundId);
}

export interface AssessorLoad {
  id: number;
  name: string;
  email: string;
  assigned: number;
  complete: number;
  conflicts: Conflict[];
}

/** R-40 The table of assessors and their load in a round. */
export async function assessorLoads(db: Knex, input: { actor: User; roundId: number }): Promise<AssessorLoad[]> {
  requireRole(input.actor, "programme_manager");
  const [assessors, live, versions, conflicts] = await Promise.all([
    listAssessors(db),
    listLiveAssignments(db, { roundId: input.roundId }),
    listAssessmentVersions(db, { roundId: input.roundId }),
    listConflicts(db),
  ]);
  const latest = latestVersions(versions);
  return assessors.map((assessor) => {
    const mine = live.filter((a) => a.assessorId === assessor.id);
    return {
      ...assessor,
      assigned: mine.length,
      complete: mine.filter((a) => latest.some((v) => v.eoiId === a.eoiId && v.assessorId === assessor.id && v.status === "complete")).length,
      conflicts: conflicts.filter((c) => c.assessorId === assessor.id),
    };
  });
}

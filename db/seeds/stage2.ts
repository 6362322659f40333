// Demo: the world at stage 2 (issue 6, item 7). On top of stage 1's submitted expressions of
// interest (db/seeds/stage1.ts), the round has closed, two assessors have declared conflicts of
// interest, every bid has two assessors (assigned automatically, balanced, conflicts skipped),
// and nearly all assessments are complete, so a newcomer can try each page:
//   - assessor.one has one bid not started and one draft in their queue;
//   - one bid (Manchester, when it is in the sift) needs moderation: its assessors differ by 2 or
//     more on some criteria and by more than 15 points;
//   - every region still has scored candidates, so the selection can choose nine pilots.
// Everything goes through the sift's own services, so the audit log reads as if people did it.
//
// Idempotent: nothing is added once the round has any assignment. Scores come from one seeded
// generator, so two runs on empty databases agree.

import type { Knex } from "knex";
import { currentRound } from "../../app/data/rounds.server";
import { findUserById, type User } from "../../app/data/users.server";
import { listLiveAssignments, listSiftBids } from "../../app/data/sift.server";
import { seededRandom } from "../../app/domain/reference";
import { CRITERION_KEYS, type CriterionKey, type Score } from "../../app/domain/sift/criteria";
import type { ScoreForm } from "../../app/domain/sift/forms";
import { assignAutomatically, declareConflict } from "../../app/services/sift-assignments.server";
import { saveAssessment } from "../../app/services/sift-scoring.server";
import { demoTimetable, seedDemoWorld } from "./demo";
import { seedStage1 } from "./stage1";

const DAY = 86_400_000;

// The demo assessors (db/seeds/demo.ts) and the conflicts two of them declare.
const ASSESSOR_ONE = "assessor.one@communities.example.gov.uk";
const CONFLICTS: Array<{ email: string; code: string; reason: string }> = [
  { email: "assessor.three@communities.example.gov.uk", code: "E10000016", reason: "I was seconded to the Kent Gateway programme board until March 2009." },
  { email: "assessor.two@cdf.example.org.uk", code: "E08000035", reason: "My partner works in the council's corporate contact centre." },
];
// The bid left needing moderation, when it is in the sift (Manchester City Council).
const MODERATION_CODE = "E08000003";

// R-41 How the demo assessors justify each point of the scale.
const JUSTIFICATIONS: Record<Score, readonly string[]> = {
  4: [
    "Specific and convincing: named leads, dates and measures, and evidence that the approach has worked here before.",
    "Strong, well-evidenced answer that ties the plan to local needs and to the Toolkit's principles.",
  ],
  3: [
    "A clear and credible approach with good evidence; some detail on delivery is missing.",
    "Good answer with relevant examples, though the measures could be sharper.",
  ],
  2: [
    "Covers the criterion but stays general; little evidence of how it will be delivered.",
    "Adequate: the intent is clear but the plan and its measures are thin.",
  ],
  1: ["Mentions the criterion but gives almost no evidence.", "Weak: a statement of intent without a plan."],
  0: ["The bid does not address this criterion."],
};

export interface Stage2Result {
  created: boolean;
  bids: number;
  assignments: number;
  completeAssessments: number;
  drafts: number;
  needsModeration: string | null;
}

function clampScore(value: number): Score {
  return Math.max(0, Math.min(4, Math.round(value))) as Score;
}

function form(scores: Partial<Record<CriterionKey, Score>>, random: () => number, intent: "draft" | "complete", basedOnVersion = 0): ScoreForm {
  return {
    intent,
    basedOnVersion,
    scores: Object.fromEntries(
      CRITERION_KEYS.map((key) => {
        const score = scores[key];
        if (score === undefined) return [key, { score: null, justification: "" }];
        const options = JUSTIFICATIONS[score];
        return [key, { score, justification: options[Math.floor(random() * options.length)]! }];
      }),
    ) as ScoreForm["scores"],
  };
}

/**
 * Puts the demo world at stage 2: stage 1 first (and the base demo world), then the sift.
 * `closeRound` (default true) moves a fresh round's dates back so the EOIs closed yesterday; it
 * is left alone when the round already has EOIs (their submission times would otherwise fall
 * after the close).
 */
export async function seedStage2(db: Knex, now: Date, options: { closeRound?: boolean } = {}): Promise<Stage2Result> {
  await seedDemoWorld(db, now);
  const round = (await currentRound(db))!;
  const hasEois = Boolean(await db("eois").where({ round_id: round.id }).first("id"));
  if ((options.closeRound ?? true) && !hasEois && new Date(round.eoiClosesAt) > now) {
    // R-8 the invitation's spacing, moved so that expressions of interest closed yesterday.
    const timetable = demoTimetable(new Date(now.getTime() - 29 * DAY));
    await db("rounds").where({ id: round.id }).update({
      eoi_opens_at: timetable.eoiOpensAt,
      eoi_closes_at: timetable.eoiClosesAt,
      requests_by: timetable.requestsBy,
      detailed_due_at: timetable.detailedDueAt,
      start_by: timetable.startBy,
      ends_on: timetable.endsOn,
      updated_at: now.toISOString(),
    });
  }
  // Stage 1 is idempotent: it adds only the EOIs that are missing, inside the round's window.
  await seedStage1(db, now);

  const empty: Stage2Result = { created: false, bids: 0, assignments: 0, completeAssessments: 0, drafts: 0, needsModeration: null };
  if (await db("sift_assignments").join("eois", "eois.id", "sift_assignments.eoi_id").where("eois.round_id", round.id).first("sift_assignments.id")) return empty;

  const manager = await findUserById(db, Number((await db("users").where({ role: "programme_manager" }).orderBy("id").first("id")).id));
  if (!manager) return empty;
  const closedAt = new Date(Math.min(now.getTime(), new Date(((await currentRound(db)) ?? round).eoiClosesAt).getTime()));
  const at = (hours: number) => new Date(Math.min(now.getTime(), closedAt.getTime() + hours * 3_600_000));
  const userByEmail = async (email: string): Promise<User | null> => {
    const row = await db("users").where({ email }).first("id");
    return row ? findUserById(db, Number(row.id)) : null;
  };

  // R-40 Conflicts first, then automatic assignment (balanced, conflicts skipped).
  for (const conflict of CONFLICTS) {
    const assessor = await userByEmail(conflict.email);
    const authority = await db("authorities").where({ code: conflict.code }).first("id");
    if (assessor && authority) await declareConflict(db, { actor: assessor, authorityId: Number(authority.id), reason: conflict.reason, now: at(2) });
  }
  await assignAutomatically(db, { actor: manager, roundId: round.id, now: at(20) });

  // R-41 R-42 Scores: each bid has a quality; each assessor reads it a little differently.
  const bids = await listSiftBids(db, round.id);
  const live = await listLiveAssignments(db, { roundId: round.id });
  const random = seededRandom(20090803);
  const one = await userByEmail(ASSESSOR_ONE);
  const regionCounts = new Map<string, number>();
  for (const bid of bids) regionCounts.set(bid.region, (regionCounts.get(bid.region) ?? 0) + 1);
  // assessor.one keeps two bids to do, from regions with other bids, so every region keeps a candidate.
  const oneBids = one ? live.filter((a) => a.assessorId === one.id).map((a) => bids.find((b) => b.id === a.eoiId)!) : [];
  const spare = oneBids.filter((bid) => (regionCounts.get(bid.region) ?? 0) >= 3);
  const notStarted = spare[0]?.id ?? null;
  const draft = spare.find((bid) => bid.region !== spare[0]?.region)?.id ?? null;
  const pairs = bids.filter((bid) => bid.id !== notStarted && bid.id !== draft && live.filter((a) => a.eoiId === bid.id).length === 2);
  const moderationAuthority = await db("authorities").where({ code: MODERATION_CODE }).first("id");
  const moderationId = (pairs.find((bid) => bid.authorityId === Number(moderationAuthority?.id)) ?? pairs[0])?.id ?? null;

  let completeAssessments = 0;
  let drafts = 0;
  let hour = 26;
  for (const bid of bids) {
    const quality = 1.8 + random() * 1.9; // between weak-adequate and strong
    const profile = Object.fromEntries(CRITERION_KEYS.map((key) => [key, quality + (random() - 0.5) * 1.2])) as Record<CriterionKey, number>;
    const assessors = live.filter((a) => a.eoiId === bid.id);
    for (const [index, assignment] of assessors.entries()) {
      const actor = await findUserById(db, assignment.assessorId);
      if (!actor) continue;
      hour += 1 + Math.floor(random() * 5);
      if (bid.id === notStarted && actor.id === one?.id) continue;
      let scores: Partial<Record<CriterionKey, Score>>;
      if (bid.id === moderationId) {
        // R-42 one reads it as strong, the other as weak: 2 or more apart, and over 15 points.
        scores = Object.fromEntries(CRITERION_KEYS.map((key, k) => [key, index === 0 ? clampScore(3.6 + (k % 2) * 0.4) : clampScore(1.6 + (k % 3 === 0 ? 0.5 : 0))]));
      } else {
        scores = Object.fromEntries(CRITERION_KEYS.map((key) => [key, clampScore(profile[key] + (random() - 0.5) * 0.9)]));
      }
      if (bid.id === draft && actor.id === one?.id) {
        const partial = Object.fromEntries(CRITERION_KEYS.slice(0, 3).map((key) => [key, scores[key]!])) as Partial<Record<CriterionKey, Score>>;
        await saveAssessment(db, { actor, eoiId: bid.id, form: form(partial, random, "draft"), now: at(hour) });
        drafts += 1;
        continue;
      }
      await saveAssessment(db, { actor, eoiId: bid.id, form: form(scores, random, "complete"), now: at(hour) });
      completeAssessments += 1;
    }
  }

  return {
    created: true,
    bids: bids.length,
    assignments: (await listLiveAssignments(db, { roundId: round.id })).length,
    completeAssessments,
    drafts,
    needsModeration: bids.find((bid) => bid.id === moderationId)?.reference ?? null,
  };
}

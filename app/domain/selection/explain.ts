import { formatMoney } from "../money";
import type { PreparedSelection, SolverCandidate } from "./prepare";
import { REQUIREMENT_WORDS, requirementsIn } from "./requirements";
import type { Optimum } from "./solve";
import {
  REGIONS,
  REQUIREMENTS,
  type ForcedBy,
  type RegionOutcome,
  type Requirement,
  type SelectionResult,
  type UnmetRequirement,
} from "./types";

// R-43 the selection explained to a programme manager: each unmet requirement and why, and per
// region the top scorer, the points given up, what forced the pick and the ranked reserves.

/** Scores are whole hundredths inside; the output shows them as numbers with two decimals at most. */
const asScore = (points: number) => Math.round(points) / 100;

/** R-43 reserves and the top scorer: higher score first, then the earlier submission, then the smaller id. */
function byScore(a: SolverCandidate, b: SolverCandidate): number {
  return b.points - a.points || a.rank - b.rank;
}

function listIds(candidates: SolverCandidate[]): string {
  const shown = candidates.slice(0, 3).map((candidate) => `${candidate.id} in ${REGIONS[candidate.region]}`);
  const more = candidates.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

function listRequirements(requirements: Requirement[]): string {
  const words = requirements.map((requirement) => REQUIREMENT_WORDS[requirement].what);
  return words.length <= 1 ? words[0] ?? "" : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
/** GOV.UK style: numbers up to nine in words. */
const plural = (count: number, one: string, many: string) =>
  `${NUMBER_WORDS[count] ?? count} ${count === 1 ? one : many}`;

/** Solves the selection again with some requirements made compulsory. */
export type SolveRequiring = (required: number) => Optimum | null;

// R-43 "names each unmet requirement and why".
function whyUnmet(
  requirement: Requirement,
  selection: PreparedSelection,
  optimum: Optimum,
  solveRequiring: SolveRequiring,
): string {
  const bit = 1 << REQUIREMENTS.indexOf(requirement);
  const words = REQUIREMENT_WORDS[requirement];
  const holders = selection.candidates.filter((candidate) => (candidate.signature & bit) !== 0);
  if (holders.length === 0) return words.noCandidate;

  const choosable = holders.filter((candidate) => {
    const locked = selection.lockedIn[candidate.region];
    return candidate.lock !== "out" && (!locked || locked === candidate);
  });
  if (choosable.length === 0) {
    const ruledOut = holders.filter((candidate) => candidate.lock === "out");
    const behindLocks = holders.filter((candidate) => candidate.lock !== "out");
    const parts = [
      ruledOut.length > 0 ? `ruled out (${listIds(ruledOut)})` : "",
      behindLocks.length > 0 ? `in a region where another candidate is locked in (${listIds(behindLocks)})` : "",
    ].filter(Boolean);
    return `the ${words.holders} are ${parts.join(" or ")}`;
  }

  const alternative = solveRequiring(bit);
  const budget = formatMoney(selection.budgetPence);
  if (!alternative) {
    const beside = selection.lockedIn.some(Boolean) ? " beside the locked-in pilots" : "";
    return `none of the ${words.holders} (${listIds(choosable)}) fits within the budget of ${budget}${beside}`;
  }

  const choosing = `choosing one of the ${words.holders} (${listIds(choosable)})`;
  if (alternative.regionsFilled < optimum.regionsFilled) {
    const emptied = plural(optimum.regionsFilled - alternative.regionsFilled, "more region", "more regions");
    return `${choosing} would leave ${emptied} without a pilot within the budget of ${budget}`;
  }
  const lost = listRequirements(requirementsIn(optimum.requirementsMask & ~alternative.requirementsMask));
  if (alternative.requirementsMet < optimum.requirementsMet) {
    return `${choosing} would mean giving up ${lost}, so fewer requirements would be met`;
  }
  const pointsLess = optimum.points - alternative.points;
  return pointsLess > 0
    ? `${choosing} would mean giving up ${lost} instead, for ${asScore(pointsLess)} fewer points in total`
    : `${choosing} would mean giving up ${lost} instead, for the same total score; the tie goes to the earlier submissions`;
}

function whyRegionEmpty(region: number, selection: PreparedSelection, optimum: Optimum): string {
  const cheapest = formatMoney(Math.min(...selection.eligible[region].map((candidate) => candidate.requestPence)));
  const budget = formatMoney(selection.budgetPence);
  const selected = formatMoney(optimum.requestPence);
  return (
    `the budget of ${budget} does not stretch to a pilot in ${REGIONS[region]} as well: ` +
    `its cheapest candidate requests ${cheapest} and the pilots selected request ${selected}`
  );
}

// R-43 "where the pick is not the region's top scorer, the requirement that forced it".
function forcedBy(
  pick: SolverCandidate,
  topScorer: SolverCandidate,
  selection: PreparedSelection,
  optimum: Optimum,
): ForcedBy[] {
  if (pick === topScorer || pick.points === topScorer.points) return [];
  if (pick.lock === "in") return ["lock:in"];
  if (optimum.requestPence - pick.requestPence + topScorer.requestPence > selection.budgetPence) return ["budget"];
  const maskWithTopScorer = optimum.picks.reduce(
    (mask, other) => (other === null ? mask : mask | (other === pick ? topScorer.signature : other.signature)),
    0,
  );
  return requirementsIn(optimum.requirementsMask & ~maskWithTopScorer);
}

export function explainSelection(
  selection: PreparedSelection,
  optimum: Optimum,
  solveRequiring: SolveRequiring,
): SelectionResult {
  const regions: RegionOutcome[] = REGIONS.map((region, index) => {
    const ranked = [...selection.eligible[index]].sort(byScore);
    const topScorer = ranked[0] ?? null;
    const pick = optimum.picks[index];
    return {
      region,
      pick: pick?.id ?? null,
      topScorer: topScorer?.id ?? null,
      pointsGivenUp: pick && topScorer ? asScore(topScorer.points - pick.points) : null,
      forcedBy: pick && topScorer ? forcedBy(pick, topScorer, selection, optimum) : [],
      reserves: ranked.filter((candidate) => candidate !== pick).map((candidate) => candidate.id),
    };
  });

  const unmet: UnmetRequirement[] = [
    ...REQUIREMENTS.filter((requirement, bit) => (optimum.requirementsMask & (1 << bit)) === 0).map(
      (requirement): UnmetRequirement => ({
        requirement,
        reason: whyUnmet(requirement, selection, optimum, solveRequiring),
      }),
    ),
    ...REGIONS.flatMap((region, index): UnmetRequirement[] =>
      selection.eligible[index].length > 0 && optimum.picks[index] === null
        ? [{ requirement: `region:${region}`, reason: whyRegionEmpty(index, selection, optimum) }]
        : [],
    ),
  ];

  const chosen = optimum.picks.filter((pick): pick is SolverCandidate => pick !== null);
  return {
    selected: chosen.map((pick) => ({
      region: REGIONS[pick.region],
      id: pick.id,
      score: asScore(pick.points),
      requestPence: pick.requestPence,
    })),
    totalScore: asScore(optimum.points),
    totalRequestPence: optimum.requestPence,
    met: requirementsIn(optimum.requirementsMask),
    unmet,
    regions,
  };
}

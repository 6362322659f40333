import { compareInstants, readInstantInto, type Instant } from "./instant";
import { requirementSignature } from "./requirements";
import { REGIONS, type Lock, type SelectionInput } from "./types";
import { scoreInHundredths } from "./validate";

// R-43 the selection as the solver sees it: candidates become options per region, in whole
// hundredths, with a requirement signature (14-bit mask) and a place in the tie-break order.

/** Value of filling a region: more than any total of points (9 × 10,000), so regions filled count first. */
export const FILLED = 1 << 17;

export interface SolverCandidate {
  /** Index into the input's candidates. */
  index: number;
  id: string;
  region: number;
  signature: number;
  requestPence: number;
  /** The score in whole hundredths. */
  points: number;
  /** Position in the tie-break order: earlier submission first, then the smaller id. */
  rank: number;
  lock: Lock | undefined;
}

export interface PreparedSelection {
  budgetPence: number;
  candidates: SolverCandidate[];
  /** Per region in R-2 order, the candidates not ruled out. */
  eligible: SolverCandidate[][];
  /** Per region, the candidate locked in, if any. */
  lockedIn: (SolverCandidate | null)[];
}

/** A way to settle one region: a candidate, or nobody (`candidate` null). */
export interface Option {
  candidate: SolverCandidate | null;
  signature: number;
  cost: number;
  points: number;
  /** FILLED + points for a candidate, 0 for nobody. */
  value: number;
  /** Tie-break position; nobody comes after every candidate. */
  rank: number;
}

/** What a set achieves, in the order R-43 ranks sets. */
export interface Achievement {
  regionsFilled: number;
  requirementsMet: number;
  points: number;
}

// R-43 the lexicographic objective: regions filled, then requirements met, then total score.
export function compareAchievements(a: Achievement, b: Achievement): number {
  return a.regionsFilled - b.regionsFilled || a.requirementsMet - b.requirementsMet || a.points - b.points;
}

export const NOBODY_RANK = Number.MAX_SAFE_INTEGER;

const REGION_INDEX = new Map<string, number>(REGIONS.map((region, index) => [region, index]));

export function prepareSelection(input: SelectionInput): PreparedSelection {
  const submitted: Instant[] = [];
  const candidates: SolverCandidate[] = input.candidates.map((candidate, index) => {
    const instant: Instant = { epochSeconds: 0, nanoseconds: 0 };
    if (readInstantInto(candidate.submittedAt, instant) !== null) {
      throw new Error(`submittedAt ${JSON.stringify(candidate.submittedAt)} is not an instant`);
    }
    submitted.push(instant);
    return {
      index,
      id: candidate.id,
      region: REGION_INDEX.get(candidate.region) ?? -1,
      signature: requirementSignature(candidate),
      requestPence: candidate.requestPence,
      points: scoreInHundredths(candidate.score),
      rank: 0,
      lock: candidate.lock,
    };
  });
  rankInTieBreakOrder(candidates, submitted);

  const eligible: SolverCandidate[][] = REGIONS.map(() => []);
  const lockedIn: (SolverCandidate | null)[] = REGIONS.map(() => null);
  for (const candidate of candidates) {
    if (candidate.lock === "out") continue; // R-43 ruled out by the manager
    eligible[candidate.region].push(candidate);
    if (candidate.lock === "in") lockedIn[candidate.region] = candidate; // R-43 locked in by the manager
  }
  return { budgetPence: input.budgetPence, candidates, eligible, lockedIn };
}

/** R-43 the tie-break order: the earlier submission, then the smaller id in string order. */
function compareSubmissions(a: SolverCandidate, b: SolverCandidate, submitted: Instant[]): number {
  const byInstant = compareInstants(submitted[a.index], submitted[b.index]);
  if (byInstant !== 0) return byInstant;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Numbers the candidates in the tie-break order (`rank`). Sorting whole seconds packed with the
 * candidate's index into one exact number is much faster than sorting with a comparison
 * function; candidates sharing a second (rare) are then put in order by the full comparison.
 */
function rankInTieBreakOrder(candidates: SolverCandidate[], submitted: Instant[]): void {
  const count = candidates.length;
  const packable = submitted.every((instant) => Math.abs(instant.epochSeconds) * count < 2 ** 52);
  if (!packable) {
    [...candidates]
      .sort((a, b) => compareSubmissions(a, b, submitted))
      .forEach((candidate, rank) => (candidate.rank = rank));
    return;
  }
  const packed = new Float64Array(count);
  for (let index = 0; index < count; index++) packed[index] = submitted[index].epochSeconds * count + index;
  packed.sort();
  const indexOf = (key: number) => ((key % count) + count) % count;
  for (let start = 0; start < count; ) {
    let end = start + 1;
    const second = submitted[indexOf(packed[start])].epochSeconds;
    while (end < count && submitted[indexOf(packed[end])].epochSeconds === second) end++;
    const sameSecond = [];
    for (let position = start; position < end; position++) sameSecond.push(candidates[indexOf(packed[position])]);
    if (sameSecond.length > 1) sameSecond.sort((a, b) => compareSubmissions(a, b, submitted));
    sameSecond.forEach((candidate, offset) => (candidate.rank = start + offset));
    start = end;
  }
}

/** R-43 rule 1: a region takes its locked-in candidate; otherwise one of its eligible candidates, or nobody. */
function regionOptions(selection: PreparedSelection, region: number): Option[] {
  const locked = selection.lockedIn[region];
  const candidates = locked ? [locked] : selection.eligible[region];
  const options: Option[] = candidates.map((candidate) => ({
    candidate,
    signature: candidate.signature,
    cost: candidate.requestPence,
    points: candidate.points,
    value: FILLED + candidate.points,
    rank: candidate.rank,
  }));
  if (!locked) options.push({ candidate: null, signature: 0, cost: 0, points: 0, value: 0, rank: NOBODY_RANK });
  return options;
}

/**
 * d dominates c: d meets every requirement c meets, fits wherever c fits, is worth no less, and is
 * worth more or comes first in the tie-break order. `safeCost` is what a region's option may cost
 * and still fit in every set, so between options within it the request decides nothing.
 */
function dominates(d: Option, c: Option, safeCost: number): boolean {
  return (
    (d.signature & c.signature) === c.signature &&
    Math.max(d.cost, safeCost) <= Math.max(c.cost, safeCost) &&
    d.value >= c.value &&
    (d.value > c.value || d.rank < c.rank)
  );
}

/**
 * The options worth considering in each region, in R-2 order:
 * - R-43 rule 3: an option that cannot fit beside the locked-in pilots of the other regions never fits;
 * - a dominated option never belongs to the winning set: swapping it for its dominator keeps the
 *   set within the budget (the dominator costs no more, or fits in every set), fills the same
 *   regions, meets at least the same requirements and scores at least as much; so the swap is
 *   strictly better, or equal and earlier in the tie-break at that region. Dominance is a strict
 *   partial order (transitive, irreflexive), so every dominated option has an undominated dominator.
 */
export function usefulOptions(selection: PreparedSelection): Option[][] {
  const budget = selection.budgetPence;
  const all = REGIONS.map((_, region) => regionOptions(selection, region));
  const lockedCost = selection.lockedIn.map((locked) => locked?.requestPence ?? 0);
  const totalLocked = lockedCost.reduce((sum, cost) => sum + cost, 0);
  const affordable = all.map((options, region) =>
    options.filter((option) => option.cost <= budget - (totalLocked - lockedCost[region])),
  );
  const dearest = affordable.map((options) => options.reduce((max, option) => Math.max(max, option.cost), 0));
  const totalDearest = dearest.reduce((sum, cost) => sum + cost, 0);
  return affordable.map((options, region) => {
    const safeCost = budget - (totalDearest - dearest[region]);
    // Sorting by value makes every dominator come before what it dominates.
    const byValue = [...options].sort((a, b) => b.value - a.value || a.rank - b.rank);
    const kept: Option[] = [];
    for (const option of byValue) {
      let dominated = false;
      for (let k = 0; k < kept.length && !dominated; k++) dominated = dominates(kept[k], option, safeCost);
      if (!dominated) kept.push(option);
    }
    return kept;
  });
}

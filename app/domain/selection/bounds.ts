import { FILLED, type Achievement, type Option } from "./prepare";
import { countMet } from "./requirements";

// R-43 upper bounds on what the first regions (in R-2 order) can still add to a set whose later
// regions are chosen. The solver drops a partial set only when even these optimistic bounds
// fall short of a set it already has, so the bounds make it fast without making it inexact.
// Each bound is a relaxation: it ignores some rule, so it can only over-estimate.

// Requirement bits in two groups of seven, for the coverage-aware score bounds.
// Group one: the four authority types (bits 3–6) and the three focus areas (bits 11–13).
// Group two: the three themes (bits 0–2), rural/urban (bits 7–8) and the two tracks (bits 9–10).
const GROUP_ONE_BITS = [3, 4, 5, 6, 11, 12, 13];
const GROUP_TWO_BITS = [0, 1, 2, 7, 8, 9, 10];

function compressor(bits: number[]): Uint8Array {
  const table = new Uint8Array(1 << 14);
  for (let mask = 0; mask < table.length; mask++) {
    let compressed = 0;
    bits.forEach((bit, position) => {
      if (mask & (1 << bit)) compressed |= 1 << position;
    });
    table[mask] = compressed;
  }
  return table;
}
const GROUP_ONE = compressor(GROUP_ONE_BITS);
const GROUP_TWO = compressor(GROUP_TWO_BITS);
const IMPOSSIBLE = -1_000_000_000;

/** What regions 0..stage−1 could add, at most. */
interface PrefixBound {
  lockedCount: number;
  lockedCost: number;
  /** Requirements the locked-in candidates of these regions meet whatever happens. */
  lockedMask: number;
  /** The cheapest candidate of each unlocked region with candidates, in rising order, summed. */
  fillCosts: number[];
  /** Rising costs and the requirements affordable within each (cumulative masks). */
  bitCosts: number[];
  bitMasks: number[];
  /** Most points covering at least a compressed set of group-one (-two) requirements. */
  groupOne: Int32Array;
  groupTwo: Int32Array;
  /** Most of Σ (points − multiplier × request) covering a compressed set; null when the budget cannot bind. */
  pricedOne: Float64Array | null;
  pricedTwo: Float64Array | null;
  /** Most points within a cost, as a frontier of rising costs and points; null when the budget cannot bind. */
  withinCosts: number[] | null;
  withinPoints: number[] | null;
}

export interface Target extends Achievement {
  /** Requirements every set must meet (used to explain an unmet requirement); 0 for none. */
  required: number;
}

function coverTable(previous: Int32Array, options: Option[], compress: Uint8Array): Int32Array {
  // Only the group's part of a signature matters here: keep the most points for each.
  const bestFor = new Int32Array(128).fill(IMPOSSIBLE);
  for (const option of options) {
    const covered = compress[option.signature];
    if (option.points > bestFor[covered]) bestFor[covered] = option.points;
  }
  const next = new Int32Array(128).fill(IMPOSSIBLE);
  for (let covered = 0; covered < 128; covered++) {
    const points = bestFor[covered];
    if (points === IMPOSSIBLE) continue;
    for (let need = 0; need < 128; need++) {
      const before = previous[need & ~covered];
      if (before === IMPOSSIBLE) continue;
      const total = before + points;
      if (total > next[need]) next[need] = total;
    }
  }
  return next;
}

/**
 * Like coverTable, with the budget priced in (Lagrangian relaxation): the most of
 * Σ (points − multiplier × request) covering at least a set of the group's requirements. For
 * any choice requesting at most `room`, points ≤ that sum + multiplier × room.
 */
function pricedCoverTable(
  previous: Float64Array,
  options: Option[],
  compress: Uint8Array,
  multiplier: number,
): Float64Array {
  const bestFor = new Map<number, number>();
  for (const option of options) {
    const covered = compress[option.signature];
    const worth = option.points - multiplier * option.cost;
    const known = bestFor.get(covered);
    if (known === undefined || worth > known) bestFor.set(covered, worth);
  }
  const next = new Float64Array(128).fill(-Infinity);
  for (const [covered, worth] of bestFor) {
    for (let need = 0; need < 128; need++) {
      const total = previous[need & ~covered] + worth;
      if (total > next[need]) next[need] = total;
    }
  }
  return next;
}

/**
 * The price of a penny in points where the budget binds: the slope at the budget of the linear
 * relaxation of "most points within the budget" (each region's options on their upper hull,
 * the best increments first). Any multiplier ≥ 0 gives a valid bound; this one a tight one.
 */
export function budgetMultiplier(options: Option[][], budget: number): number {
  let spent = 0;
  const increments: { slope: number; cost: number }[] = [];
  for (const region of options) {
    const byCost = [...region].sort((a, b) => a.cost - b.cost || b.points - a.points);
    const hull: Option[] = [];
    for (const option of byCost) {
      if (hull.length > 0 && option.points <= hull[hull.length - 1].points) continue;
      while (hull.length >= 2) {
        const [a, b] = [hull[hull.length - 2], hull[hull.length - 1]];
        if ((b.points - a.points) * (option.cost - a.cost) <= (option.points - a.points) * (b.cost - a.cost))
          hull.pop();
        else break;
      }
      hull.push(option);
    }
    if (hull.length === 0) continue;
    spent += hull[0].cost;
    for (let i = 1; i < hull.length; i++) {
      const cost = hull[i].cost - hull[i - 1].cost;
      increments.push({ slope: cost === 0 ? Infinity : (hull[i].points - hull[i - 1].points) / cost, cost });
    }
  }
  increments.sort((a, b) => b.slope - a.slope);
  for (const increment of increments) {
    if (spent + increment.cost > budget) return Number.isFinite(increment.slope) ? increment.slope : 0;
    spent += increment.cost;
  }
  return 0;
}

function costPointsFrontier(pairs: { cost: number; points: number }[]): { costs: number[]; points: number[] } {
  pairs.sort((a, b) => a.cost - b.cost || b.points - a.points);
  const costs: number[] = [];
  const points: number[] = [];
  for (const pair of pairs) {
    if (points.length === 0 || pair.points > points[points.length - 1]) {
      costs.push(pair.cost);
      points.push(pair.points);
    }
  }
  return { costs, points };
}

/** Index of the last value ≤ limit in a rising array, or −1. */
export function lastWithin(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (values[middle] <= limit) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

export class PrefixBounds {
  private readonly stages: PrefixBound[] = [];
  /** The price of a penny in points where the budget binds (0 where it cannot). */
  readonly multiplier: number;

  constructor(options: Option[][], private readonly budget: number) {
    const dearestTotal = options.reduce((sum, region) => sum + Math.max(...region.map((option) => option.cost)), 0);
    const budgetCanBind = dearestTotal > budget;
    this.multiplier = budgetCanBind ? budgetMultiplier(options, budget) : 0;
    let pricedOne: Float64Array = new Float64Array(128).fill(-Infinity);
    let pricedTwo: Float64Array = new Float64Array(128).fill(-Infinity);
    pricedOne[0] = 0;
    pricedTwo[0] = 0;
    let lockedCount = 0;
    let lockedCost = 0;
    let lockedMask = 0;
    const cheapest: number[] = [];
    const bitMinCost = new Array<number>(14).fill(Infinity);
    let groupOne: Int32Array = new Int32Array(128).fill(IMPOSSIBLE);
    let groupTwo: Int32Array = new Int32Array(128).fill(IMPOSSIBLE);
    groupOne[0] = 0;
    groupTwo[0] = 0;
    let within = { costs: [0], points: [0] };
    for (let stage = 0; stage <= options.length; stage++) {
      const sorted = [...cheapest].sort((a, b) => a - b);
      const fillCosts: number[] = [];
      sorted.reduce((sum, cost) => (fillCosts.push(sum + cost), sum + cost), 0);
      const bits = bitMinCost
        .map((cost, bit) => ({ cost, bit }))
        .filter(({ cost }) => cost < Infinity)
        .sort((a, b) => a.cost - b.cost);
      const bitMasks: number[] = [];
      bits.reduce((mask, { bit }) => (bitMasks.push(mask | (1 << bit)), mask | (1 << bit)), 0);
      this.stages.push({
        lockedCount,
        lockedCost,
        lockedMask,
        fillCosts,
        bitCosts: bits.map(({ cost }) => cost),
        bitMasks,
        groupOne,
        groupTwo,
        pricedOne: budgetCanBind ? pricedOne : null,
        pricedTwo: budgetCanBind ? pricedTwo : null,
        withinCosts: budgetCanBind ? within.costs : null,
        withinPoints: budgetCanBind ? within.points : null,
      });
      if (stage === options.length) break;

      const region = options[stage];
      const candidates = region.filter((option) => option.candidate !== null);
      const lockedRegion = region.length === 1 && region[0].candidate?.lock === "in";
      if (lockedRegion) {
        lockedCount++;
        lockedCost += region[0].cost;
        lockedMask |= region[0].signature;
      } else if (candidates.length > 0) {
        cheapest.push(Math.min(...candidates.map((option) => option.cost)));
        for (const option of candidates) {
          for (let bit = 0; bit < 14; bit++) {
            if (option.signature & (1 << bit) && option.cost < bitMinCost[bit]) bitMinCost[bit] = option.cost;
          }
        }
      }
      groupOne = coverTable(groupOne, region, GROUP_ONE);
      groupTwo = coverTable(groupTwo, region, GROUP_TWO);
      if (budgetCanBind) {
        pricedOne = pricedCoverTable(pricedOne, region, GROUP_ONE, this.multiplier);
        pricedTwo = pricedCoverTable(pricedTwo, region, GROUP_TWO, this.multiplier);
        const pairs: { cost: number; points: number }[] = [];
        const regionFrontier = costPointsFrontier(region.map(({ cost, points }) => ({ cost, points })));
        for (let a = 0; a < within.costs.length; a++) {
          for (let b = 0; b < regionFrontier.costs.length; b++) {
            const cost = within.costs[a] + regionFrontier.costs[b];
            if (cost <= budget) pairs.push({ cost, points: within.points[a] + regionFrontier.points[b] });
          }
        }
        within = costPointsFrontier(pairs);
      }
    }
  }

  /**
   * Could a set whose regions stage..8 are settled (requirements `mask`, request `cost`, value
   * `value` = filled × FILLED + points) still reach `target` with some choice in regions 0..stage−1?
   * False only when it certainly cannot; true when it might.
   */
  mightReach(stage: number, mask: number, cost: number, value: number, target: Target): boolean {
    const bound = this.stages[stage];
    const room = this.budget - cost - bound.lockedCost;
    if (room < 0) return false; // R-43 rule 3: the locked-in pilots must fit too
    const filledLater = Math.floor(value / FILLED);

    // R-43 rule 1: fill the cheapest regions first, that is the most regions the budget allows.
    const regionsFilled = filledLater + bound.lockedCount + lastWithin(bound.fillCosts, room) + 1;
    if (regionsFilled !== target.regionsFilled) return regionsFilled > target.regionsFilled;

    // R-43 rule 2: a requirement counts if one affordable candidate meets it, ignoring the others.
    const affordable = bound.lockedMask | (bound.bitMasks[lastWithin(bound.bitCosts, room)] ?? 0);
    if ((target.required & ~(mask | affordable)) !== 0) return false;
    const requirementsMet = countMet(mask | affordable);
    if (requirementsMet !== target.requirementsMet) return requirementsMet > target.requirementsMet;

    // R-43 rule 4: meeting that many means covering every affordable requirement not met yet.
    const needed = affordable & ~mask;
    let points = Math.min(bound.groupOne[GROUP_ONE[needed]], bound.groupTwo[GROUP_TWO[needed]]);
    if (bound.withinCosts && bound.withinPoints) {
      const index = lastWithin(bound.withinCosts, this.budget - cost);
      points = Math.min(points, index < 0 ? IMPOSSIBLE : bound.withinPoints[index]);
    }
    if (bound.pricedOne && bound.pricedTwo) {
      // The budget and the requirements together; floating point, so compared with a margin
      // far above its rounding and far below one hundredth.
      const priced =
        Math.min(bound.pricedOne[GROUP_ONE[needed]], bound.pricedTwo[GROUP_TWO[needed]]) +
        this.multiplier * (this.budget - cost);
      points = Math.min(points, Math.floor(priced + 1e-6));
    }
    return value - filledLater * FILLED + points >= target.points;
  }
}

import { PrefixBounds, lastWithin, type Target } from "./bounds";
import { findIncumbent, shortlist } from "./incumbent";
import {
  FILLED,
  compareAchievements,
  usefulOptions,
  type Achievement,
  type Option,
  type PreparedSelection,
  type SolverCandidate,
} from "./prepare";
import { countMet } from "./requirements";
import { REGIONS } from "./types";

// R-43 Selection: the exact solver.
//
// The rules, as the solver reads them:
//   - a set picks at most one candidate per region, never one ruled out, and every candidate
//     locked in;                                                      (R-43 rule 1 and locks)
//   - its total request is within the budget;                         (R-43 rule 3)
//   - among those sets it maximises, lexicographically:
//       1. the number of regions filled,                              (R-43 rule 1)
//       2. the number of the fourteen spread requirements met,        (R-43 rule 2)
//       3. the total score, in whole hundredths;                      (R-43 rule 4)
//   - what is still tied goes, region by region in R-2 order, to the earlier submission (an
//     empty region is later than any pick; equal instants go to the smaller id).  (R-43 rule 4)
//
// Why the answer is exact (docs/selection.md repeats the argument):
//   A. Dominated options are dropped (prepare.ts, usefulOptions): each has a dominator that is
//      better in every set, or equal and earlier in the tie-break, so none is in the winning set.
//   B. A dynamic programme runs over the regions from the last (South West) to the first. Its
//      state is the exact set of requirements met by the regions settled so far (a 14-bit mask);
//      for each mask it keeps the Pareto frontier of (request, value), where value = regions
//      filled × 2^17 + points and 2^17 exceeds any total of points (9 × 10,000), so value
//      orders (filled, points) lexicographically. A partial set requesting no more and worth no
//      less than another, whose mask meets every requirement the other's meets, is at least as
//      good after any completion: only undominated entries are kept, within a mask (the
//      frontier) and across masks (withoutDominated).
//   C. A request no more than budget − (the dearest options of the earlier regions together) fits
//      beside anything they add, so it is raised to that "safe" amount: the same completions fit,
//      and where the budget cannot bind each mask keeps a single entry.
//   D. Pruning. A good allowed set, the target, is found first: by local search (incumbent.ts)
//      and, where the budget binds, by this same exact method over a few promising options per
//      region. A partial set is dropped only when an upper bound on everything it can still
//      become (bounds.ts) is strictly below the target. Every set at least as good as the
//      target, in particular every optimal set, survives, and so does every partial set on the
//      way to one.
//   E. The optimum is the best surviving full set by (filled, met, points).
//   F. The tie-break is lexicographic over the regions in R-2 order, so it is found greedily:
//      for each region in turn take the earliest option (nobody last) for which the table of
//      the remaining regions still holds a completion reaching the optimum. By B–D a table holds
//      such a completion whenever one exists (the same one, or one at least as good that
//      dominated it), so the greedy choice is the winner.

export interface Optimum extends Achievement {
  /** The requirements met, as a mask. */
  requirementsMask: number;
  /** Per region in R-2 order, the pick or null. */
  picks: (SolverCandidate | null)[];
  requestPence: number;
}

/** Per mask, the (request, value) frontier: requests and values both rising. */
interface Table {
  masks: number[];
  costs: number[][];
  values: number[][];
}

/** Keep, for one mask, the (request, value) pairs no other pair beats on both (argument B). */
function frontier(pairs: number[]): { costs: number[]; values: number[] } {
  const count = pairs.length / 2;
  if (count === 1) return { costs: [pairs[0]], values: [pairs[1]] };
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => pairs[2 * a] - pairs[2 * b] || pairs[2 * b + 1] - pairs[2 * a + 1]);
  const costs: number[] = [];
  const values: number[] = [];
  let best = -1;
  for (const i of order) {
    const value = pairs[2 * i + 1];
    if (value > best) {
      costs.push(pairs[2 * i]);
      values.push(value);
      best = value;
    }
  }
  return { costs, values };
}

function achievementOf(mask: number, value: number): Achievement & { requirementsMask: number } {
  const regionsFilled = Math.floor(value / FILLED);
  return {
    regionsFilled,
    requirementsMet: countMet(mask),
    requirementsMask: mask,
    points: value - regionsFilled * FILLED,
  };
}

/** Options kept per region for the first, quick exact solve that sets the target. */
const PROMISING_PER_REGION = 8;

/**
 * A few options per region likely to be in the best set: the shortlist of the local search
 * (the best and the cheapest for each requirement, the request/score trade-offs) and the
 * options worth most once the budget is priced in.
 */
function promisingOptions(options: Option[][], multiplier: number): Option[][] {
  return options.map((region) => {
    const worth = (option: Option) => option.points - multiplier * option.cost;
    const byWorth = region.map((_, index) => index).sort((a, b) => worth(region[b]) - worth(region[a]));
    const kept = new Set([...shortlist(region, multiplier > 0), ...byWorth.slice(0, PROMISING_PER_REGION)]);
    return region.filter((_, index) => kept.has(index));
  });
}

/** Arguments B–D: the tables of surviving partial sets, from the last region back to the first. */
function frontierTables(options: Option[][], bounds: PrefixBounds, target: Target, budget: number): Table[] {
  const regionCount = options.length;
  const cheapestBefore = [0];
  const dearestBefore = [0];
  for (let region = 0; region < regionCount; region++) {
    const costs = options[region].map((option) => option.cost);
    cheapestBefore.push(cheapestBefore[region] + Math.min(...costs));
    dearestBefore.push(dearestBefore[region] + Math.max(...costs));
  }

  // tables[r]: the surviving ways to settle regions r..8. tables[9] settles nothing.
  const tables: Table[] = new Array(regionCount + 1);
  tables[regionCount] = { masks: [0], costs: [[0]], values: [[0]] };
  for (let region = regionCount - 1; region >= 0; region--) {
    const later = tables[region + 1];
    const limit = budget - cheapestBefore[region]; // R-43 rule 3, leaving room for the earlier regions
    const safeCost = budget - dearestBefore[region]; // argument C
    const buckets = new Map<number, number[]>();
    for (const option of options[region]) {
      for (let k = 0; k < later.masks.length; k++) {
        const mask = later.masks[k] | option.signature;
        const costs = later.costs[k];
        const values = later.values[k];
        for (let j = 0; j < costs.length; j++) {
          const cost = costs[j] + option.cost;
          if (cost > limit) break; // requests rise along a frontier
          const value = values[j] + option.value;
          if (!bounds.mightReach(region, mask, cost, value, target)) continue; // argument D
          const entry = cost < safeCost ? safeCost : cost;
          const bucket = buckets.get(mask);
          if (bucket) bucket.push(entry, value);
          else buckets.set(mask, [entry, value]);
        }
      }
    }
    const table: Table = { masks: [], costs: [], values: [] };
    for (const [mask, pairs] of buckets) {
      const { costs, values } = frontier(pairs);
      table.masks.push(mask);
      table.costs.push(costs);
      table.values.push(values);
    }
    tables[region] = withoutDominated(table);
  }
  return tables;
}

/**
 * Argument B, across masks: an entry is not needed when a mask that meets every requirement its
 * mask meets (a superset) has an entry requesting no more and worth no less. Any completion of
 * the one is matched or beaten by the same completion of the other, so neither the optimum nor
 * the tie-break's question "can the remaining regions still reach it?" depends on it. This
 * matters when many sets tie: without it every tied mask would be kept.
 */
function withoutDominated(table: Table): Table {
  const order = table.masks.map((_, k) => k).sort((a, b) => countMet(table.masks[b]) - countMet(table.masks[a]));
  const kept: Table = { masks: [], costs: [], values: [] };
  for (const k of order) {
    const mask = table.masks[k];
    let costs = table.costs[k];
    let values = table.values[k];
    for (let j = 0; j < kept.masks.length && costs.length > 0; j++) {
      if ((kept.masks[j] & mask) !== mask) continue; // masks are distinct, so this is a strict superset
      const keptCosts = kept.costs[j];
      const keptValues = kept.values[j];
      const stays = costs.map((cost, e) => {
        const index = lastWithin(keptCosts, cost);
        return index < 0 || keptValues[index] < values[e];
      });
      if (stays.every(Boolean)) continue;
      costs = costs.filter((_, e) => stays[e]);
      values = values.filter((_, e) => stays[e]);
    }
    if (costs.length === 0) continue;
    kept.masks.push(mask);
    kept.costs.push(costs);
    kept.values.push(values);
  }
  return kept;
}

/** Argument E: the best full set in a first table (all within the budget) that meets `required`. */
function bestOf(first: Table, required: number): (Achievement & { requirementsMask: number }) | null {
  let best: (Achievement & { requirementsMask: number }) | null = null;
  for (let k = 0; k < first.masks.length; k++) {
    if ((first.masks[k] & required) !== required) continue;
    const values = first.values[k];
    const reached = achievementOf(first.masks[k], values[values.length - 1]);
    if (!best || compareAchievements(reached, best) > 0) best = reached;
  }
  return best;
}

/**
 * R-43 choose the set of pilots exactly (arguments A–F above).
 * `required`: requirements every set must meet, 0 for the selection itself; the explanation uses
 * it to ask what meeting an unmet requirement would cost. Null when no set meets them.
 */
export function solveSelection(selection: PreparedSelection, required = 0): Optimum | null {
  const budget = selection.budgetPence;
  const regionCount = REGIONS.length;
  const options = usefulOptions(selection); // argument A
  if (options.some((region) => region.length === 0)) return null;
  const bounds = new PrefixBounds(options, budget);

  // Argument D: the target. First a quick local search; then, where the budget binds and regions
  // have many options, the exact best among a few promising options per region (an allowed set,
  // so a fair target): trading money between regions is where local search falls short.
  const incumbent = findIncumbent(options, budget, required);
  let target: Target = incumbent
    ? { ...incumbent, required }
    : { regionsFilled: 0, requirementsMet: 0, points: 0, required };
  if (bounds.multiplier > 0 && options.some((region) => region.length > PROMISING_PER_REGION)) {
    const promising = promisingOptions(options, bounds.multiplier);
    const best = bestOf(frontierTables(promising, bounds, target, budget)[0], required);
    if (best && compareAchievements(best, target) > 0) target = { ...best, required };
  }
  const tables = frontierTables(options, bounds, target, budget);

  const best = bestOf(tables[0], required); // argument E
  if (!best) return null;
  const goal = best;
  const goalValue = goal.regionsFilled * FILLED + goal.points;

  // Argument F: the tie-break, region by region in R-2 order.
  const picks: (SolverCandidate | null)[] = [];
  let maskSoFar = 0;
  let costSoFar = 0;
  let valueSoFar = 0;
  for (let region = 0; region < regionCount; region++) {
    const later = tables[region + 1];
    const inTieBreakOrder = [...options[region]].sort((a, b) => a.rank - b.rank);
    const reachesGoal = (option: Option) => {
      const mask = maskSoFar | option.signature;
      const room = budget - costSoFar - option.cost;
      const valueNeeded = goalValue - valueSoFar - option.value;
      for (let k = 0; k < later.masks.length; k++) {
        const fullMask = mask | later.masks[k];
        if ((fullMask & required) !== required || countMet(fullMask) < goal.requirementsMet) continue;
        const index = lastWithin(later.costs[k], room);
        if (index >= 0 && later.values[k][index] >= valueNeeded) return true;
      }
      return false;
    };
    const chosen = inTieBreakOrder.find(reachesGoal);
    if (!chosen) throw new Error(`selection lost its optimum at ${REGIONS[region]}`);
    picks.push(chosen.candidate);
    maskSoFar |= chosen.signature;
    costSoFar += chosen.cost;
    valueSoFar += chosen.value;
  }

  const chosenPicks = picks.filter((pick): pick is SolverCandidate => pick !== null);
  return {
    picks,
    regionsFilled: chosenPicks.length,
    requirementsMask: maskSoFar,
    requirementsMet: countMet(maskSoFar),
    points: chosenPicks.reduce((sum, pick) => sum + pick.points, 0),
    requestPence: chosenPicks.reduce((sum, pick) => sum + pick.requestPence, 0),
  };
}

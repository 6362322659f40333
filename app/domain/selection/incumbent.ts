import { FILLED, type Option } from "./prepare";
import { countMet } from "./requirements";

// A good set found quickly by local search. It is only a starting point for the exact solver
// (solve.ts): the better it is, the more the solver's bounds prune, but the solver's answer
// does not depend on it.

export interface Incumbent {
  /** Option index per region. */
  choice: number[];
  regionsFilled: number;
  requirementsMet: number;
  points: number;
}

/** R-43 how a set ranks, as one number: required requirements met, regions filled, requirements met, points. */
function rankOf(required: number, mask: number, value: number): number {
  const filled = Math.floor(value / FILLED);
  const requiredMet = (mask & required) === required ? 1 : 0;
  return ((requiredMet * 16 + filled) * 16 + countMet(mask)) * FILLED + (value - filled * FILLED);
}

/** The options worth trying two at a time: the most valuable overall and for each requirement, and so on. */
export function shortlist(options: Option[], budgetCanBind: boolean): number[] {
  const mostValuable = new Array<number>(15).fill(-1); // per requirement bit, then [14] overall
  const cheapest = new Array<number>(15).fill(-1);
  let nobody = -1;
  options.forEach((option, index) => {
    if (option.candidate === null) nobody = index;
    for (let slot = 0; slot < 15; slot++) {
      if (slot < 14 && (option.signature & (1 << slot)) === 0) continue;
      const best = mostValuable[slot];
      if (best < 0 || option.value > options[best].value) mostValuable[slot] = index;
      const cheap = cheapest[slot];
      if (
        cheap < 0 ||
        option.cost < options[cheap].cost ||
        (option.cost === options[cheap].cost && option.value > options[cheap].value)
      ) {
        cheapest[slot] = index;
      }
    }
  });
  const picked = new Set([...mostValuable, ...(budgetCanBind ? cheapest : []), nobody]);
  if (budgetCanBind) {
    // Where money is short, the trades between request and score: the (request, value) frontier.
    const byCost = options
      .map((_, index) => index)
      .sort((a, b) => options[a].cost - options[b].cost || options[b].value - options[a].value);
    let bestValue = -1;
    for (const index of byCost) {
      if (options[index].value > bestValue) {
        picked.add(index);
        bestValue = options[index].value;
      }
    }
  }
  picked.delete(-1);
  return [...picked];
}

/** Each region's most valuable option if they fit together; otherwise the cheapest, filling regions cheapest first. */
function startingSet(options: Option[][], budget: number): number[] | null {
  const best = options.map((region) =>
    region.reduce((found, option, index) => (option.value > region[found].value ? index : found), 0),
  );
  if (best.reduce((sum, index, region) => sum + options[region][index].cost, 0) <= budget) return best;

  const choice = options.map((region) =>
    region.reduce((found, option, index) => (option.cost < region[found].cost ? index : found), 0),
  );
  let cost = choice.reduce((sum, index, region) => sum + options[region][index].cost, 0);
  if (cost > budget) return null;
  const cheapestCandidate = options.map((region) =>
    region.reduce(
      (found, option, index) =>
        option.candidate !== null && (found < 0 || option.cost < region[found].cost) ? index : found,
      -1,
    ),
  );
  const fillOrder = options
    .map((_, region) => region)
    .filter((region) => cheapestCandidate[region] >= 0 && options[region][choice[region]].candidate === null)
    .sort((a, b) => options[a][cheapestCandidate[a]].cost - options[b][cheapestCandidate[b]].cost);
  for (const region of fillOrder) {
    const extra = options[region][cheapestCandidate[region]].cost - options[region][choice[region]].cost;
    if (cost + extra <= budget) {
      cost += extra;
      choice[region] = cheapestCandidate[region];
    }
  }
  return choice;
}

export function findIncumbent(options: Option[][], budget: number, required: number): Incumbent | null {
  const regions = options.length;
  if (options.some((region) => region.length === 0)) return null;
  const choice = startingSet(options, budget);
  if (!choice) return null;
  const dearestTotal = options.reduce((sum, region) => sum + Math.max(...region.map((option) => option.cost)), 0);
  const shortlists = options.map((region) => shortlist(region, dearestTotal > budget));

  const chosen = (region: number) => options[region][choice[region]];
  let cost = 0;
  let mask = 0;
  let value = 0;
  const total = () => {
    cost = 0;
    mask = 0;
    value = 0;
    for (let region = 0; region < regions; region++) {
      cost += chosen(region).cost;
      mask |= chosen(region).signature;
      value += chosen(region).value;
    }
  };
  const maskWithout = (skipA: number, skipB: number) => {
    let rest = 0;
    for (let region = 0; region < regions; region++) {
      if (region !== skipA && region !== skipB) rest |= chosen(region).signature;
    }
    return rest;
  };

  total();
  let rank = rankOf(required, mask, value);
  for (let round = 0; round < 100; round++) {
    let bestRank = rank;
    let move: number[] | null = null;
    // Change one region.
    for (let region = 0; region < regions; region++) {
      const now = chosen(region);
      const rest = maskWithout(region, -1);
      const regionOptions = options[region];
      for (let index = 0; index < regionOptions.length; index++) {
        const option = regionOptions[index];
        if (cost - now.cost + option.cost > budget) continue;
        const tried = rankOf(required, rest | option.signature, value - now.value + option.value);
        if (tried > bestRank) {
          bestRank = tried;
          move = [region, index];
        }
      }
    }
    // Failing that, change two regions at once, among their shortlists.
    if (!move) {
      for (let a = 0; a < regions; a++) {
        const nowA = chosen(a);
        for (let b = a + 1; b < regions; b++) {
          const nowB = chosen(b);
          const rest = maskWithout(a, b);
          const costRest = cost - nowA.cost - nowB.cost;
          const valueRest = value - nowA.value - nowB.value;
          for (const indexA of shortlists[a]) {
            const optionA = options[a][indexA];
            for (const indexB of shortlists[b]) {
              const optionB = options[b][indexB];
              if (costRest + optionA.cost + optionB.cost > budget) continue;
              const tried = rankOf(
                required,
                rest | optionA.signature | optionB.signature,
                valueRest + optionA.value + optionB.value,
              );
              if (tried > bestRank) {
                bestRank = tried;
                move = [a, indexA, b, indexB];
              }
            }
          }
        }
      }
    }
    if (!move) break;
    choice[move[0]] = move[1];
    if (move.length > 2) choice[move[2]] = move[3];
    total();
    rank = bestRank;
  }
  if ((mask & required) !== required) return null;
  const filled = Math.floor(value / FILLED);
  return { choice, regionsFilled: filled, requirementsMet: countMet(mask), points: value - filled * FILLED };
}

import { REGIONS, REQUIREMENTS, type Candidate, type SelectionInput } from "~/domain/selection/types";

// An independent oracle for small inputs: tries every set of pilots and keeps the best under
// R-43's full order — regions filled, requirements met, total score, then the tie-break region
// by region in R-2 order (earlier submission, then smaller id; an empty region comes last).
// It shares no code with the solver: requirements are read from the candidates' fields here.

function requirementsMetBy(candidate: Candidate): Set<string> {
  const met = new Set<string>(candidate.themes.map((theme) => `theme:${theme}`));
  met.add(`type:${candidate.authorityType}`);
  met.add(`setting:${candidate.setting}`);
  met.add(`track:${candidate.track}`);
  if (candidate.focus) met.add(`focus:${candidate.focus}`);
  return new Set([...met].filter((requirement) => (REQUIREMENTS as readonly string[]).includes(requirement)));
}

/** Earlier submission first, then the smaller id: negative when a comes first. */
function tieBreak(a: Candidate, b: Candidate): number {
  const byTime = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The winning set: the picked candidate per region in R-2 order, or null. */
export function bruteForceSelection(input: SelectionInput): (Candidate | null)[] {
  // Precomputed per candidate: requirements met (as bits of REQUIREMENTS) and tie-break position.
  const bits = new Map<Candidate, number>();
  for (const candidate of input.candidates) {
    let mask = 0;
    for (const requirement of requirementsMetBy(candidate)) mask |= 1 << REQUIREMENTS.indexOf(requirement as never);
    bits.set(candidate, mask);
  }
  const position = new Map([...input.candidates].sort(tieBreak).map((candidate, index) => [candidate, index]));
  const perRegion = REGIONS.map((region) => {
    const eligible = input.candidates.filter((candidate) => candidate.region === region && candidate.lock !== "out");
    const locked = eligible.find((candidate) => candidate.lock === "in");
    return locked ? [locked] : [...eligible, null];
  });
  const countBits = (mask: number) => {
    let count = 0;
    for (let rest = mask; rest; rest &= rest - 1) count++;
    return count;
  };

  let best: (Candidate | null)[] | null = null;
  let bestKey: number[] = [];
  const current: (Candidate | null)[] = [];
  const better = (key: number[]) => {
    if (!best) return true;
    for (let i = 0; i < key.length; i++) if (key[i] !== bestKey[i]) return key[i] > bestKey[i];
    for (let region = 0; region < current.length; region++) {
      const mine = current[region];
      const theirs = best[region];
      if (mine === theirs) continue;
      if (mine === null) return false; // an empty region counts as later than any pick
      if (theirs === null) return true;
      return position.get(mine)! < position.get(theirs)!;
    }
    return false;
  };

  const visit = (region: number, cost: number, mask: number, filled: number, hundredths: number) => {
    if (cost > input.budgetPence) return;
    if (region === REGIONS.length) {
      const key = [filled, countBits(mask), hundredths];
      if (better(key)) {
        best = [...current];
        bestKey = key;
      }
      return;
    }
    for (const option of perRegion[region]) {
      current.push(option);
      if (option === null) visit(region + 1, cost, mask, filled, hundredths);
      else {
        visit(
          region + 1,
          cost + option.requestPence,
          mask | bits.get(option)!,
          filled + 1,
          hundredths + Math.round(option.score * 100),
        );
      }
      current.pop();
    }
  };
  visit(0, 0, 0, 0, 0);
  if (!best) throw new Error("no set fits the budget");
  return best;
}

import { describe, expect, it } from "vitest";
import { selectPilots } from "~/domain/selection";
import { REGIONS, REQUIREMENTS, type Candidate, type SelectionInput } from "~/domain/selection/types";
import { loadHighs, solveWithHighs } from "./highs-model";
import { randomSelectionInput, type RandomInputOptions } from "./random-selection-input";

// R-43 cross-check: on seeded random instances, our exact solver and HiGHS (a MILP solver
// given the same rules as a weighted objective, see highs-model.ts) must agree on the regions
// filled, the requirements met and the total score. Either may pick a different set when sets
// tie; the tie-break is proved against an exhaustive search in app/domain/selection/solve.test.ts.

const INSTANCES = 520;

function optionsFor(seed: number): RandomInputOptions {
  return {
    maxPerRegion: [50, 50, 30, 12, 4][seed % 5], // 1 to 50 candidates per region
    emptyRegions: true,
    tightBudgets: true,
    locks: seed % 3 !== 0,
    unmeetableRequirements: true,
    ties: seed % 2 === 0,
  };
}

/** What a set achieves, worked out here from the candidates' own fields. */
function achievement(input: SelectionInput, picked: Candidate[]) {
  const met = new Set<string>();
  for (const candidate of picked) {
    for (const theme of candidate.themes) met.add(`theme:${theme}`);
    met.add(`type:${candidate.authorityType}`);
    met.add(`setting:${candidate.setting}`);
    met.add(`track:${candidate.track}`);
    if (candidate.focus) met.add(`focus:${candidate.focus}`);
  }
  return {
    regionsFilled: picked.length,
    requirementsMet: REQUIREMENTS.filter((requirement) => met.has(requirement)).length,
    totalHundredths: picked.reduce((sum, candidate) => sum + Math.round(candidate.score * 100), 0),
  };
}

/** The rules every set must keep: one per region, nobody ruled out, everyone locked in, the budget. */
function expectAllowed(input: SelectionInput, picked: Candidate[], label: string) {
  expect(new Set(picked.map((candidate) => candidate.region)).size, `${label}: one per region`).toBe(picked.length);
  expect(
    picked.filter((candidate) => candidate.lock === "out"),
    `${label}: ruled out`,
  ).toEqual([]);
  for (const locked of input.candidates.filter((candidate) => candidate.lock === "in")) {
    expect(picked, `${label}: locked in`).toContain(locked);
  }
  const total = picked.reduce((sum, candidate) => sum + candidate.requestPence, 0);
  expect(total, `${label}: budget`).toBeLessThanOrEqual(input.budgetPence);
}

describe("R-43 cross-check against HiGHS", () => {
  it(`R-43 regions filled, requirements met and total score equal HiGHS's optimum on ${INSTANCES} seeded instances`, async () => {
    const highs = await loadHighs();
    const seen = {
      emptyRegion: 0,
      regionLeftByBudget: 0,
      lockedIn: 0,
      ruledOut: 0,
      unmeetable: 0,
      tiedScores: 0,
      large: 0,
    };
    for (let seed = 1; seed <= INSTANCES; seed++) {
      const input = randomSelectionInput(seed, optionsFor(seed));
      const label = `seed ${seed}`;
      const result = selectPilots(input);
      const byId = new Map(input.candidates.map((candidate) => [candidate.id, candidate]));
      const ours = result.selected.map((pilot) => byId.get(pilot.id)!);
      const oracle = solveWithHighs(highs, input);
      expect(oracle.status, label).toBe("Optimal");
      const theirs = oracle.pickedIndexes.map((index) => input.candidates[index]);
      expectAllowed(input, ours, `${label} ours`);
      expectAllowed(input, theirs, `${label} HiGHS`);
      expect(achievement(input, ours), label).toEqual(achievement(input, theirs));
      expect(result.totalScore * 100, label).toBeCloseTo(achievement(input, ours).totalHundredths, 6);

      const regionsWithCandidates = REGIONS.filter((region) =>
        input.candidates.some((candidate) => candidate.region === region && candidate.lock !== "out"),
      );
      if (regionsWithCandidates.length < 9) seen.emptyRegion++;
      if (result.unmet.some((unmet) => unmet.requirement.startsWith("region:"))) seen.regionLeftByBudget++;
      if (input.candidates.some((candidate) => candidate.lock === "in")) seen.lockedIn++;
      if (input.candidates.some((candidate) => candidate.lock === "out")) seen.ruledOut++;
      if (result.unmet.some((unmet) => unmet.reason.startsWith("no candidate"))) seen.unmeetable++;
      if (new Set(input.candidates.map((candidate) => candidate.score)).size < input.candidates.length)
        seen.tiedScores++;
      if (input.candidates.length >= 200) seen.large++;
    }
    // The instances must cover what the cross-check claims to cover.
    expect(seen.emptyRegion).toBeGreaterThan(100);
    expect(seen.regionLeftByBudget).toBeGreaterThan(80);
    expect(seen.lockedIn).toBeGreaterThan(100);
    expect(seen.ruledOut).toBeGreaterThan(100);
    expect(seen.unmeetable).toBeGreaterThan(50);
    expect(seen.tiedScores).toBeGreaterThan(100);
    expect(seen.large).toBeGreaterThan(50);
  }, 180_000); // ~11 s on an idle 2-core machine; HiGHS does nearly all of the work
});

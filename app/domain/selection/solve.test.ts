import { describe, expect, it } from "vitest";
import { bruteForceSelection } from "../../../test/selection/brute-force";
import { randomSelectionInput } from "../../../test/selection/random-selection-input";
import { selectPilots } from "./index";
import { REGIONS } from "./types";

// The exact solver against an exhaustive search, on inputs small enough to try every set.
// Unlike the HiGHS cross-check (regions, requirements and score), this checks the picks
// themselves, and so the tie-break.

describe("R-43 the selection is exact", () => {
  it("R-43 picks the best set under the full order, tie-break included (exhaustive search, 400 small instances)", () => {
    let tieBreaksDecided = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const input = randomSelectionInput(seed, {
        maxPerRegion: seed % 4 === 0 ? 3 : 2,
        emptyRegions: true,
        tightBudgets: true,
        locks: seed % 3 !== 0,
        unmeetableRequirements: true,
        ties: true,
      });
      const expected = bruteForceSelection(input).map((candidate) => candidate?.id ?? null);
      const result = selectPilots(input);
      const picks = REGIONS.map((region) => result.regions.find((outcome) => outcome.region === region)!.pick);
      expect(picks, `seed ${seed}`).toEqual(expected);
      if (
        result.regions.some(
          (outcome) => outcome.pick && outcome.forcedBy.length === 0 && outcome.pick !== outcome.topScorer,
        )
      ) {
        tieBreaksDecided++;
      }
    }
    // The instances must exercise the tie-break: picks that equal their top scorer's score but are not it.
    expect(tieBreaksDecided).toBeGreaterThan(20);
  });

  it("R-43 forcedBy names a reason whenever a pick scores less than its region's top scorer", () => {
    for (let seed = 1; seed <= 150; seed++) {
      const input = randomSelectionInput(10_000 + seed, {
        maxPerRegion: 8,
        emptyRegions: true,
        tightBudgets: true,
        locks: true,
        unmeetableRequirements: true,
      });
      const result = selectPilots(input);
      for (const outcome of result.regions) {
        if (outcome.pick === null) {
          expect(outcome).toMatchObject({ pointsGivenUp: null, forcedBy: [] });
        } else if ((outcome.pointsGivenUp ?? 0) > 0) {
          expect(outcome.forcedBy.length, `seed ${seed} ${outcome.region}`).toBeGreaterThan(0);
        } else {
          expect(outcome.forcedBy).toEqual([]);
        }
      }
    }
  });
});

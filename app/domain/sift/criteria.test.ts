import { describe, expect, it } from "vitest";
import { CRITERION_KEYS, DEFAULT_CRITERION_WEIGHTS, checkWeights, formatPoints, isFullyScored, weightedTotal, weightedTotalHundredths, weightsWithDefaults, type CriterionScores } from "./criteria";

const all = (score: 0 | 1 | 2 | 3 | 4): CriterionScores => Object.fromEntries(CRITERION_KEYS.map((key) => [key, score]));

describe("R-41 the weighted total out of 100", () => {
  it("R-41 the default weights are the spec's and add up to 100", () => {
    expect(DEFAULT_CRITERION_WEIGHTS).toEqual({
      "toolkit-use": 20,
      leadership: 15,
      "customers-and-improvement-plan": 15,
      partners: 10,
      impact: 10,
      "regional-champion": 15,
      "evaluation-and-learning": 5,
      "value-for-money-and-readiness": 10,
    });
    expect(checkWeights(DEFAULT_CRITERION_WEIGHTS)).toBeNull();
  });

  it("R-41 all 4s score 100, all 0s score 0, all 2s score 50", () => {
    expect(weightedTotal(all(4), DEFAULT_CRITERION_WEIGHTS)).toBe(100);
    expect(weightedTotal(all(0), DEFAULT_CRITERION_WEIGHTS)).toBe(0);
    expect(weightedTotal(all(2), DEFAULT_CRITERION_WEIGHTS)).toBe(50);
  });

  it("R-41 each criterion counts weight × score ÷ 4", () => {
    const scores: CriterionScores = { ...all(2), "toolkit-use": 3, "evaluation-and-learning": 1 };
    // 50 + 20/4 − 5/4 = 53.75
    expect(weightedTotal(scores, DEFAULT_CRITERION_WEIGHTS)).toBe(53.75);
    expect(weightedTotalHundredths(scores, DEFAULT_CRITERION_WEIGHTS)).toBe(5375);
    expect(formatPoints(5375)).toBe("53.75");
  });

  it("R-41 a draft's total counts only the criteria scored so far", () => {
    expect(weightedTotal({ "toolkit-use": 4, leadership: null }, DEFAULT_CRITERION_WEIGHTS)).toBe(20);
    expect(isFullyScored({ "toolkit-use": 4 })).toBe(false);
    expect(isFullyScored(all(1))).toBe(true);
  });

  it("R-41 weights must be whole percentages adding up to 100", () => {
    expect(checkWeights({ ...DEFAULT_CRITERION_WEIGHTS, leadership: 16 })).toBe("total");
    expect(checkWeights({ ...DEFAULT_CRITERION_WEIGHTS, leadership: 1.5 })).toEqual([["leadership", "Weight for leadership and commitment must be a whole number from 0 to 100"]]);
    expect(weightsWithDefaults({ leadership: 25, partners: 0 })).toMatchObject({ leadership: 25, partners: 0, "toolkit-use": 20 });
  });

  it("shows points without trailing zeros", () => {
    expect(formatPoints(8000)).toBe("80");
    expect(formatPoints(7250)).toBe("72.5");
    expect(formatPoints(7263)).toBe("72.63");
  });
});

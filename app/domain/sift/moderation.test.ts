import { describe, expect, it } from "vitest";
import { CRITERION_KEYS, DEFAULT_CRITERION_WEIGHTS, type CriterionScores } from "./criteria";
import { finalScore, meanHundredths, needsModeration } from "./moderation";

const all = (score: 0 | 1 | 2 | 3 | 4): CriterionScores => Object.fromEntries(CRITERION_KEYS.map((key) => [key, score]));
const weights = DEFAULT_CRITERION_WEIGHTS;

describe("R-42 moderation", () => {
  it("R-42 differ by 2 on a criterion needs moderation", () => {
    const check = needsModeration(all(3), { ...all(3), "evaluation-and-learning": 1 }, weights);
    expect(check.needed).toBe(true);
    expect(check.criteria).toEqual(["evaluation-and-learning"]);
    expect(check.reasons[0]).toBe("Evaluation and learning: scores of 3 and 1 differ by 2");
  });

  it("R-42 differences of 1 need moderation only when the totals are 15 or more points apart", () => {
    // One point less on criteria weighing 60% in all is 15 points less.
    const second: CriterionScores = { ...all(3), "toolkit-use": 2, leadership: 2, "customers-and-improvement-plan": 2, partners: 2 };
    const check = needsModeration(all(3), second, weights);
    expect(check.totalGapHundredths).toBe(1500);
    expect(check.needed).toBe(true); // exactly 15 points is "≥ 15"

    const closer: CriterionScores = { ...all(3), "toolkit-use": 2, leadership: 2, "customers-and-improvement-plan": 2, "evaluation-and-learning": 2 };
    const quiet = needsModeration(all(3), closer, weights);
    expect(quiet.totalGapHundredths).toBe(1375);
    expect(quiet.needed).toBe(false);
    expect(quiet.reasons).toEqual([]);
  });

  it("R-42 differ by 15 points in total needs moderation, with the totals in the reason", () => {
    const check = needsModeration(all(4), { ...all(4), "toolkit-use": 3, leadership: 3, "customers-and-improvement-plan": 3, partners: 3 }, weights);
    expect(check.needed).toBe(true);
    expect(check.criteria).toEqual([]);
    expect(check.reasons).toEqual(["Totals of 100 and 85 differ by 15 points"]);
  });

  it("R-42 final score is the mean of the two when they agree", () => {
    const score = finalScore({ completed: [all(3), { ...all(3), impact: 2 }], moderated: null, weights });
    // 75 and 72.5 → 73.75
    expect(score).toEqual({ status: "mean", hundredths: 7375 });
  });

  it("R-42 final score is the moderated score when there is one", () => {
    const score = finalScore({ completed: [all(4), all(1)], moderated: all(2), weights });
    expect(score).toEqual({ status: "moderated", hundredths: 5000 });
  });

  it("R-42 a bid that needs moderation has no final score until it is moderated", () => {
    const score = finalScore({ completed: [all(4), all(1)], moderated: null, weights });
    expect(score.status).toBe("needs-moderation");
    expect(score.hundredths).toBeNull();
  });

  it("R-42 a bid with fewer than two completed assessments has no final score", () => {
    expect(finalScore({ completed: [all(4)], moderated: null, weights })).toEqual({ status: "incomplete", hundredths: null, completed: 1 });
  });

  it("R-42 the mean of two totals rounds a half hundredth up", () => {
    expect(meanHundredths(7250, 7275)).toBe(7263);
    expect(meanHundredths(7250, 7300)).toBe(7275);
  });
});

// R-42 When two assessments disagree enough to need moderation, and what a bid's final score is.
// Pure: no I/O.

import { CRITERION_KEYS, criterionTitle, formatPoints, weightedTotalHundredths, type CriterionKey, type CriterionScores, type Weights } from "./criteria";

// R-42 A difference of 2 or more on any criterion needs moderation.
export const MODERATION_CRITERION_GAP = 2;
// R-42 A difference of 15 points or more in the weighted totals needs moderation.
export const MODERATION_TOTAL_GAP_HUNDREDTHS = 15_00;

export interface ModerationCheck {
  needed: boolean;
  /** Criteria where the two scores differ by 2 or more. */
  criteria: CriterionKey[];
  totalGapHundredths: number;
  /** Why, in words: one line per criterion, and one for the totals. */
  reasons: string[];
}

// R-42 The two assessors differ by ≥ 2 on any criterion or by ≥ 15 points in total.
export function needsModeration(first: CriterionScores, second: CriterionScores, weights: Weights): ModerationCheck {
  const criteria: CriterionKey[] = [];
  const reasons: string[] = [];
  for (const key of CRITERION_KEYS) {
    const a = first[key];
    const b = second[key];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    if (Math.abs(a - b) >= MODERATION_CRITERION_GAP) {
      criteria.push(key);
      reasons.push(`${criterionTitle(key)}: scores of ${a} and ${b} differ by ${Math.abs(a - b)}`);
    }
  }
  const firstTotal = weightedTotalHundredths(first, weights);
  const secondTotal = weightedTotalHundredths(second, weights);
  const totalGapHundredths = Math.abs(firstTotal - secondTotal);
  if (totalGapHundredths >= MODERATION_TOTAL_GAP_HUNDREDTHS) {
    reasons.push(`Totals of ${formatPoints(firstTotal)} and ${formatPoints(secondTotal)} differ by ${formatPoints(totalGapHundredths)} points`);
  }
  return { needed: reasons.length > 0, criteria, totalGapHundredths, reasons };
}

export type FinalScore =
  | { status: "moderated"; hundredths: number }
  | { status: "mean"; hundredths: number }
  | { status: "needs-moderation"; hundredths: null; check: ModerationCheck }
  | { status: "incomplete"; hundredths: null; completed: number };

// R-42 The mean of two totals in whole hundredths: a half hundredth rounds up (72.625 → 72.63).
export function meanHundredths(first: number, second: number): number {
  return Math.round((first + second) / 2);
}

/**
 * R-42 The final score: the moderated score, else the mean of the two completed assessments.
 * A bid whose two assessments need moderation has no final score until it is moderated, and a
 * bid with fewer than two completed assessments has none yet.
 */
export function finalScore(input: { completed: readonly CriterionScores[]; moderated: CriterionScores | null; weights: Weights }): FinalScore {
  if (input.moderated) return { status: "moderated", hundredths: weightedTotalHundredths(input.moderated, input.weights) };
  if (input.completed.length < 2) return { status: "incomplete", hundredths: null, completed: input.completed.length };
  const [first, second] = input.completed as [CriterionScores, CriterionScores];
  const check = needsModeration(first, second, input.weights);
  if (check.needed) return { status: "needs-moderation", hundredths: null, check };
  return { status: "mean", hundredths: meanHundredths(weightedTotalHundredths(first, input.weights), weightedTotalHundredths(second, input.weights)) };
}

export const FINAL_SCORE_LABELS: Readonly<Record<FinalScore["status"], string>> = {
  moderated: "Moderated",
  mean: "Mean of two assessments",
  "needs-moderation": "Needs moderation",
  incomplete: "Not yet scored",
};

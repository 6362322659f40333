// R-41 The sift's eight criteria, their weights, the 0–4 scale and the weighted total out of 100.
// Pure: no I/O. Points are counted in whole hundredths so totals and means are exact.

import {
  ASSESSMENT_CRITERIA,
  CRITERION_KEYS,
  DEFAULT_CRITERION_WEIGHTS,
  MAXIMUM_SCORE,
  SCORE_SCALE,
  type CriterionKey,
  type Score,
} from "~/domain/programme";
import type { SectionId } from "~/domain/eoi/sections";

export { ASSESSMENT_CRITERIA, CRITERION_KEYS, DEFAULT_CRITERION_WEIGHTS, SCORE_SCALE, type CriterionKey, type Score };

/** Percent per criterion; they add up to 100. */
export type Weights = Readonly<Record<CriterionKey, number>>;

/** A score per criterion; null where none has been given yet (a draft). */
export type CriterionScores = Readonly<Partial<Record<CriterionKey, Score | null>>>;

export const WEIGHTS_TOTAL = 100;

// R-41 What each point of the scale means, shown beside the radios.
export const SCALE_DESCRIPTORS: Readonly<Record<Score, string>> = {
  0: "The bid does not address this criterion or gives no evidence for it.",
  1: "Some relevant points, but little evidence and significant gaps or weaknesses.",
  2: "Addresses the criterion with some evidence, but with gaps or weaknesses.",
  3: "Addresses the criterion well with clear evidence; only minor gaps.",
  4: "Fully addresses the criterion with specific, convincing evidence and no significant gaps.",
};

// R-41 What an assessor looks for under each criterion, in the invitation's words (seeds/004).
export const CRITERION_GUIDANCE: Readonly<Record<CriterionKey, string>> = {
  "toolkit-use":
    "The themes the pilot will address, and how clearly the bid says how it will use the whole Toolkit or part of it to apply the principles of excellent customer service.",
  leadership: "Strong leadership and commitment at chief executive level and throughout the organisation, and awareness of local needs.",
  "customers-and-improvement-plan":
    "How customers, local stakeholders and frontline staff will shape the service and remedy pledges, and a credible approach to the improvement plan and its expected impact.",
  partners: "How the authority will work with customers and partners, including the third and private sectors, to deliver the improvements.",
  impact: "How the pilot will show that it has improved customers’ experience of local service delivery.",
  "regional-champion":
    "Capacity to act as regional champion and mentor, and a credible plan to disseminate learning through events, workshops and a virtual peer support network.",
  "evaluation-and-learning":
    "How immediate and longer-term outcomes will be tracked and evaluated, and how learning will be identified to develop the Toolkit.",
  "value-for-money-and-readiness":
    "A clear cost breakdown, value for money within the £100,000 CLG can fund, and readiness to begin by the end of September 2009 with resources and risks addressed.",
};

/** Where in the EOI the evidence for a criterion is: whole sections, or some questions of one. */
export interface EvidenceSource {
  section: SectionId;
  questions?: readonly string[];
}

// R-41 The answers shown beside each criterion on the scoring and moderation pages.
export const CRITERION_EVIDENCE: Readonly<Record<CriterionKey, readonly EvidenceSource[]>> = {
  "toolkit-use": [{ section: "toolkit-use" }],
  leadership: [{ section: "leadership" }, { section: "supporting-documents", questions: ["chiefExecutiveName", "chiefExecutiveStatement"] }],
  "customers-and-improvement-plan": [{ section: "customers-and-improvement-plan" }],
  partners: [{ section: "delivering-with-partners" }, { section: "about-the-bid", questions: ["hasPartners", "partners"] }],
  impact: [{ section: "impact" }],
  "regional-champion": [{ section: "regional-champion" }, { section: "supporting-documents", questions: ["learningOutcomesNote"] }],
  "evaluation-and-learning": [{ section: "evaluation-and-learning" }],
  "value-for-money-and-readiness": [{ section: "supporting-documents", questions: ["costs", "valueForMoney", "readiness"] }],
};

export function criterionTitle(key: CriterionKey): string {
  return ASSESSMENT_CRITERIA.find((criterion) => criterion.key === key)!.title;
}

export function criterionNumber(key: CriterionKey): number {
  return ASSESSMENT_CRITERIA.find((criterion) => criterion.key === key)!.number;
}

/** The weights in force: any saved ones over the defaults of R-41. */
export function weightsWithDefaults(saved: Partial<Record<string, number>>): Weights {
  return Object.fromEntries(CRITERION_KEYS.map((key) => [key, saved[key] ?? DEFAULT_CRITERION_WEIGHTS[key]])) as Record<CriterionKey, number>;
}

// R-41 Weights are whole percentages that add up to 100.
export function checkWeights(weights: Readonly<Record<string, number>>): Array<[CriterionKey, string]> | "total" | null {
  const problems: Array<[CriterionKey, string]> = [];
  for (const key of CRITERION_KEYS) {
    const weight = weights[key];
    if (weight === undefined || !Number.isInteger(weight) || weight < 0 || weight > WEIGHTS_TOTAL) {
      problems.push([key, `Weight for ${criterionTitle(key).toLowerCase()} must be a whole number from 0 to 100`]);
    }
  }
  if (problems.length) return problems;
  const total = CRITERION_KEYS.reduce((sum, key) => sum + weights[key]!, 0);
  return total === WEIGHTS_TOTAL ? null : "total";
}

// R-41 A bid's score is the weighted total out of 100: each criterion gives weight × score ÷ 4.
// In hundredths of a point that is weight × score × 25, always a whole number.
export function weightedTotalHundredths(scores: CriterionScores, weights: Weights): number {
  let total = 0;
  for (const key of CRITERION_KEYS) {
    const score = scores[key];
    if (score === null || score === undefined) continue;
    total += weights[key] * score * (100 / MAXIMUM_SCORE);
  }
  return total;
}

/** R-41 The weighted total out of 100, as a number with at most two decimals. */
export function weightedTotal(scores: CriterionScores, weights: Weights): number {
  return weightedTotalHundredths(scores, weights) / 100;
}

/** Whole hundredths of a point → "72.5", "80", "66.25". */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const absolute = Math.abs(Math.round(hundredths));
  const whole = Math.floor(absolute / 100);
  const part = absolute % 100;
  if (part === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(part).padStart(2, "0").replace(/0$/, "")}`;
}

/** Whether every criterion has a score. */
export function isFullyScored(scores: CriterionScores): boolean {
  return CRITERION_KEYS.every((key) => scores[key] !== null && scores[key] !== undefined);
}

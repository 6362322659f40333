// R-42 Scores are history: what changed from one saved version to the next. Pure: no I/O.

import { CRITERION_KEYS, criterionTitle, type CriterionKey } from "./criteria";

type VersionScores = Partial<Record<CriterionKey, { score: number | null; justification: string }>>;

const show = (score: number | null | undefined) => (score === null || score === undefined ? "none" : String(score));

/** R-42 The differences between two versions of an assessor's scores, in words. */
export function scoreChanges(previous: VersionScores | null, next: VersionScores, statuses?: { from: string; to: string }): string[] {
  const changes: string[] = [];
  if (!previous) return ["First save"];
  for (const key of CRITERION_KEYS) {
    const before = previous[key];
    const after = next[key];
    if ((before?.score ?? null) !== (after?.score ?? null)) changes.push(`${criterionTitle(key)}: ${show(before?.score)} to ${show(after?.score)}`);
    else if ((before?.justification ?? "") !== (after?.justification ?? "")) changes.push(`${criterionTitle(key)}: justification changed`);
  }
  if (statuses && statuses.from !== statuses.to) changes.push(statuses.to === "complete" ? "Marked complete" : "Reopened as a draft");
  return changes.length ? changes : ["No change"];
}

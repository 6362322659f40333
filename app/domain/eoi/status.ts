// R-31 R-35 Where an expression of interest has got to: the GOV.UK task list's status for
// each section, and whether it can be submitted.

import { formatDateTimeLondon, isOpen, type SubmissionWindow } from "~/domain/calendar";
import { checkTwoPageLimit, isSectionValid } from "~/domain/eoi/schema";
import {
  SECTIONS,
  hasAnyAnswer,
  sectionById,
  type EoiAnswers,
  type ErrorSummaryItem,
  type Section,
  type SectionId,
} from "~/domain/eoi/sections";

/** R-31 The GOV.UK task list statuses. */
export type TaskStatus = "not started" | "in progress" | "completed" | "cannot start yet";

// After the shortlist is confirmed a submitted EOI is "invited" or "not-selected".
export type EoiState = "draft" | "submitted" | "withdrawn" | "invited" | "not-selected";

export interface EoiProgress {
  answers: EoiAnswers;
  /** R-31 The officer's answer to "Have you completed this section?" (true for "Yes"). */
  markedComplete: Partial<Record<SectionId, boolean>>;
  /** Drafts only can be edited and submitted; a missing state is a draft. */
  state?: EoiState;
}

/**
 * R-31 A section is completed when the officer has said so and its answers are valid;
 * in progress once anything is saved or it was marked complete but no longer validates;
 * cannot start yet while a section it depends on is not completed.
 */
export function sectionStatus(section: Section | SectionId, eoi: EoiProgress): TaskStatus {
  const found = typeof section === "string" ? sectionById(section) : section;
  const { id, dependsOn } = found;
  const answers = eoi.answers[id];
  const started = hasAnyAnswer(found, answers);
  const blocked = dependsOn.some((dependency) => sectionStatus(dependency, eoi) !== "completed");
  if (blocked && !started) return "cannot start yet";
  if (eoi.markedComplete[id] === true && isSectionValid(id, answers)) return "completed";
  if (started || eoi.markedComplete[id] === true) return "in progress";
  return "not started";
}

export interface TaskListItem {
  id: SectionId;
  number: number;
  title: string;
  status: TaskStatus;
}

/** R-31 The task list: every section in order with its status. */
export function taskList(eoi: EoiProgress): TaskListItem[] {
  return SECTIONS.map((section) => ({
    id: section.id,
    number: section.number,
    title: section.title,
    status: sectionStatus(section, eoi),
  }));
}

/** The id the task list or check-answers page gives the outline's running word total. */
export const TWO_PAGE_TOTAL_ID = "two-page-total";

/**
 * R-31 R-32 R-35 Whether an expression of interest can be submitted, and if not, why, as
 * GOV.UK error summary items: it is a draft, every section is completed, the outline is
 * within two pages and, when `at` is given, the authority's window is open at `now`.
 * The submission itself must always pass `at` (the server's clock and the authority's
 * window, extended or not).
 */
export function canSubmit(
  eoi: EoiProgress,
  at?: { now: Date; window: SubmissionWindow },
): { ok: true } | { ok: false; errors: ErrorSummaryItem[] } {
  const state = eoi.state ?? "draft";
  if (state === "submitted") {
    return { ok: false, errors: [{ text: "This expression of interest has already been submitted", href: "#" }] };
  }
  if (state === "withdrawn") {
    return { ok: false, errors: [{ text: "This expression of interest has been withdrawn", href: "#" }] };
  }

  const errors: ErrorSummaryItem[] = [];
  if (at && !isOpen(at.window, at.now)) {
    const { opensAt, closesAt } = at.window;
    errors.push(
      opensAt && at.now.getTime() < opensAt.getTime()
        ? {
            text: `You cannot submit yet – expressions of interest open at ${formatDateTimeLondon(opensAt)}`,
            href: "#",
          }
        : {
            text: `You can no longer submit – the deadline was ${formatDateTimeLondon(closesAt)}`,
            href: "#",
          },
    );
  }

  for (const item of taskList(eoi)) {
    if (item.status !== "completed") {
      errors.push({ text: `Complete section ${item.number}: ${item.title}`, href: `#${item.id}` });
    }
  }

  const twoPages = checkTwoPageLimit(eoi.answers);
  if (twoPages.error) errors.push({ text: twoPages.error, href: `#${TWO_PAGE_TOTAL_ID}` });

  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/**
 * R-31 The last task, "Check and submit": it cannot start until every section is completed
 * and the outline fits its two pages; it is completed once submitted, and closed once
 * withdrawn.
 */
export function submitTaskStatus(eoi: EoiProgress): TaskStatus {
  const state = eoi.state ?? "draft";
  if (state === "submitted") return "completed";
  if (state === "withdrawn") return "cannot start yet";
  return canSubmit(eoi).ok ? "not started" : "cannot start yet";
}

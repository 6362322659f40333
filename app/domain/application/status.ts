// R-50 R-51 R-52 Where a detailed application has got to: its state, the task list's status for
// each section, and whether it can be submitted (or resubmitted after changes were requested).

import { formatDateTimeLondon } from "~/domain/calendar";
import type { ErrorSummaryItem } from "~/domain/eoi/sections";
import type { TaskStatus } from "~/domain/eoi/status";
import type { ApplicationProgramme } from "./programme";
import { isApplicationSectionValid } from "./schema";
import { hasAnyApplicationAnswer, type ApplicationAnswers, type ApplicationSection, type ApplicationSectionId } from "./sections";

export type { TaskStatus };

/**
 * R-52 The states of a detailed application:
 *   draft → submitted → approved (a grant award is made)
 *                     → changes-requested → submitted (the next version) …
 *                     → declined
 *   draft, submitted or changes-requested → withdrawn (by the authority)
 */
export const APPLICATION_STATES = ["draft", "submitted", "changes-requested", "approved", "declined", "withdrawn"] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const STATE_LABELS: Record<ApplicationState, string> = {
  draft: "In progress",
  submitted: "Submitted",
  "changes-requested": "Changes requested",
  approved: "Approved",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

/** R-52 Whether the authority's officers may edit it: a draft, or a version sent back for changes. */
export const isEditable = (state: ApplicationState) => state === "draft" || state === "changes-requested";

export interface ApplicationProgress {
  answers: ApplicationAnswers;
  markedComplete: Partial<Record<ApplicationSectionId, boolean>>;
  state: ApplicationState;
}

/** R-51 A section is completed when the officer has said so and its answers are valid. */
export function applicationSectionStatus(programme: ApplicationProgramme, sections: readonly ApplicationSection[], section: ApplicationSection, progress: ApplicationProgress): TaskStatus {
  const answers = progress.answers[section.id];
  if (progress.markedComplete[section.id] === true && isApplicationSectionValid(programme, sections, section.id, answers)) return "completed";
  if (hasAnyApplicationAnswer(section, answers) || progress.markedComplete[section.id] === true) return "in progress";
  return "not started";
}

export interface ApplicationTask {
  id: ApplicationSectionId;
  number: number;
  title: string;
  status: TaskStatus;
}

export function applicationTaskList(programme: ApplicationProgramme, sections: readonly ApplicationSection[], progress: ApplicationProgress): ApplicationTask[] {
  return sections.map((section) => ({ id: section.id, number: section.number, title: section.title, status: applicationSectionStatus(programme, sections, section, progress) }));
}

/**
 * R-50 R-51 R-52 Whether the application can be submitted at `now`: it is editable, every
 * section is completed, and the round's due date for detailed applications has not passed
 * (the server's clock). A version sent back for changes may be resubmitted after the due date:
 * the programme manager asked for it.
 */
export function canSubmitApplication(
  programme: ApplicationProgramme,
  sections: readonly ApplicationSection[],
  progress: ApplicationProgress,
  now: Date,
): { ok: true } | { ok: false; errors: ErrorSummaryItem[] } {
  if (!isEditable(progress.state)) {
    return { ok: false, errors: [{ text: `This detailed application cannot be submitted: it is ${STATE_LABELS[progress.state].toLowerCase()}`, href: "#" }] };
  }
  const errors: ErrorSummaryItem[] = [];
  if (progress.state === "draft" && now.getTime() > programme.detailedDueAt.getTime()) {
    errors.push({ text: `You can no longer submit – detailed applications were due by ${formatDateTimeLondon(programme.detailedDueAt)}`, href: "#" });
  }
  for (const task of applicationTaskList(programme, sections, progress)) {
    if (task.status !== "completed") errors.push({ text: `Complete section ${task.number}: ${task.title}`, href: `#${task.id}` });
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** R-51 The last task, "Check and submit". */
export function submitTaskStatus(programme: ApplicationProgramme, sections: readonly ApplicationSection[], progress: ApplicationProgress): TaskStatus {
  if (!isEditable(progress.state)) return progress.state === "withdrawn" || progress.state === "declined" ? "cannot start yet" : "completed";
  return applicationTaskList(programme, sections, progress).every((t) => t.status === "completed") ? "not started" : "cannot start yet";
}

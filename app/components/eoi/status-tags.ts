import type { TaskStatus } from "~/domain/eoi/status";

/** GOV.UK task list statuses: tags for what needs doing, plain text for the rest. */
export function taskStatus(status: TaskStatus) {
  switch (status) {
    case "completed":
      return { text: "Completed" };
    case "in progress":
      return { tag: { text: "In progress", classes: "govuk-tag--light-blue" } };
    case "not started":
      return { tag: { text: "Not started", classes: "govuk-tag--blue" } };
    default:
      return { text: "Cannot start yet", classes: "govuk-task-list__status--cannot-start-yet" };
  }
}

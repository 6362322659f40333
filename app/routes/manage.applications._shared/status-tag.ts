import type { ApplicationState } from "~/domain/application/status";

/** R-52 The GOV.UK tag for an application's state (colours by what the manager must do). */
export const APPLICATION_TAG: Record<ApplicationState | "not started", { text: string; classes: string }> = {
  "not started": { text: "Not started", classes: "govuk-tag--grey" },
  draft: { text: "In progress", classes: "govuk-tag--light-blue" },
  submitted: { text: "To review", classes: "govuk-tag--yellow" },
  "changes-requested": { text: "Changes requested", classes: "govuk-tag--purple" },
  approved: { text: "Approved", classes: "govuk-tag--green" },
  declined: { text: "Declined", classes: "govuk-tag--red" },
  withdrawn: { text: "Withdrawn", classes: "govuk-tag--grey" },
};

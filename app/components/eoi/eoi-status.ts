import type { EoiState } from "~/domain/eoi/status";

/** How each state of an expression of interest shows as a GOV.UK tag, everywhere staff see it. */
export const EOI_STATUS_TAG: Record<EoiState, { text: string; classes: string }> = {
  draft: { text: "Draft", classes: "govuk-tag--grey" },
  submitted: { text: "Submitted", classes: "govuk-tag--blue" },
  withdrawn: { text: "Withdrawn", classes: "govuk-tag--orange" },
  invited: { text: "Invited", classes: "govuk-tag--green" },
  "not-selected": { text: "Not selected", classes: "govuk-tag--grey" },
};

import { renderEmail, type RenderedEmail } from "./layout";

// Stage 4 emails for quarterly reports and grant claims. Each names the authority in
// its subject, like stage 3's.

/** R-61 Five working days before a report is due. */
export function reportReminderEmail(input: { authorityName: string; quarter: string; title: string; dueText: string; link: string }): RenderedEmail {
  return renderEmail(`Reminder: your ${input.quarter} progress report is due by ${input.dueText}: ${input.authorityName}`, [
    { kind: "paragraph", text: `${input.authorityName}'s ${input.title.charAt(0).toLowerCase()}${input.title.slice(1)} is due by 11:59pm on ${input.dueText}.` },
    { kind: "paragraph", text: "The report covers progress on each output A to F, what the pilot spent in the quarter, its risks and its issues. Any officer of your authority can write it and submit it." },
    { kind: "link", text: "Write your progress report", href: input.link },
  ]);
}

/** R-61 The day after a report's due date, when it has not been submitted. */
export function reportOverdueEmail(input: { authorityName: string; quarter: string; title: string; dueText: string; link: string }): RenderedEmail {
  return renderEmail(`Overdue: your ${input.quarter} progress report was due by ${input.dueText}: ${input.authorityName}`, [
    { kind: "paragraph", text: `${input.authorityName}'s ${input.title.charAt(0).toLowerCase()}${input.title.slice(1)} was due by 11:59pm on ${input.dueText}, and we have not received it.` },
    { kind: "inset", text: "Submit the report as soon as you can. If something is stopping you, reply to this email and tell the CLG programme team." },
    { kind: "link", text: "Write your progress report", href: input.link },
  ]);
}

/** R-61 Sent to the pilot's officers when a report is submitted (or resubmitted with an answer). */
export function reportSubmittedEmail(input: { authorityName: string; quarter: string; submittedAtText: string; byName: string; resubmitted: boolean; link: string }): RenderedEmail {
  return renderEmail(`${input.quarter} progress report ${input.resubmitted ? "resubmitted" : "received"}: ${input.authorityName}`, [
    { kind: "paragraph", text: `${input.byName} ${input.resubmitted ? "answered the programme team's query and resubmitted" : "submitted"} ${input.authorityName}'s progress report for ${input.quarter} at ${input.submittedAtText}.` },
    { kind: "paragraph", text: "The CLG programme team will review it. They may accept it, or ask a question for you to answer. We will email you when they have." },
    { kind: "link", text: "View the report", href: input.link },
  ]);
}

/** R-61 The programme team queried a report. */
export function reportQueriedEmail(input: { authorityName: string; quarter: string; question: string; link: string }): RenderedEmail {
  return renderEmail(`Query about your ${input.quarter} progress report: ${input.authorityName}`, [
    { kind: "paragraph", text: `The CLG programme team has reviewed ${input.authorityName}'s progress report for ${input.quarter} and asks:` },
    { kind: "inset", text: input.question },
    { kind: "paragraph", text: "Any officer of your authority can answer the query, change the report if needed, and resubmit it." },
    { kind: "link", text: "Answer the query", href: input.link },
  ]);
}

/** R-61 The programme team accepted a report. */
export function reportAcceptedEmail(input: { authorityName: string; quarter: string; comments: string; link: string }): RenderedEmail {
  return renderEmail(`${input.quarter} progress report accepted: ${input.authorityName}`, [
    { kind: "paragraph", text: `The CLG programme team has accepted ${input.authorityName}'s progress report for ${input.quarter}.` },
    ...(input.comments ? [{ kind: "inset" as const, text: input.comments }] : []),
    { kind: "link", text: "View the report", href: input.link },
  ]);
}

/** R-62 The programme team approved or rejected a claim. */
export function claimDecisionEmail(input: { authorityName: string; approved: boolean; amountText: string; periodText: string; reason: string; remainingText: string; link: string }): RenderedEmail {
  return renderEmail(`Grant claim ${input.approved ? "approved" : "rejected"}: ${input.authorityName}, ${input.amountText}`, [
    {
      kind: "paragraph",
      text: input.approved
        ? `The CLG programme team has approved ${input.authorityName}'s claim of ${input.amountText} for ${input.periodText}. It will be paid to the lead authority.`
        : `The CLG programme team has rejected ${input.authorityName}'s claim of ${input.amountText} for ${input.periodText}.`,
    },
    ...(input.reason ? [{ kind: "inset" as const, text: input.reason }] : []),
    { kind: "paragraph", text: `${input.remainingText} of the grant remains to be claimed.` },
    { kind: "link", text: "View your claims", href: input.link },
  ]);
}

import { renderEmail, type RenderedEmail } from "./layout";

// Stage 3 emails (R-51 – R-53, R-11). Each names the authority in its subject, so an officer of
// several pilots (and a test reading a shared mailbox) can tell them apart.

/** R-51 Sent when a detailed application (or a revised version of it) is submitted. */
export function applicationSubmittedEmail(input: { authorityName: string; reference: string; versionNumber: number; submittedAtText: string; clgRequestText: string; totalText: string; link: string }): RenderedEmail {
  const revised = input.versionNumber > 1;
  return renderEmail(`Detailed application ${revised ? `version ${input.versionNumber} ` : ""}received: ${input.authorityName}`, [
    { kind: "paragraph", text: `We have received ${input.authorityName}'s ${revised ? `revised detailed application (version ${input.versionNumber})` : "detailed application"} to be a Practitioners' Toolkit pilot.` },
    { kind: "inset", text: `Your reference is ${input.reference}. It was submitted at ${input.submittedAtText}.` },
    { kind: "list", items: [`Requested from CLG: ${input.clgRequestText}`, `Total cost of the pilot: ${input.totalText}`] },
    { kind: "heading", text: "What happens next" },
    { kind: "paragraph", text: "The CLG programme team will review the application. They may approve it, ask you for changes, or decline it. We will email you when they have decided." },
    { kind: "link", text: "View your detailed application", href: input.link },
  ]);
}

/** R-52 Sent when the programme manager asks for changes. */
export function changesRequestedEmail(input: { authorityName: string; reference: string; versionNumber: number; comments: string; link: string }): RenderedEmail {
  return renderEmail(`Changes requested to your detailed application: ${input.authorityName}`, [
    { kind: "paragraph", text: `The CLG programme team has reviewed version ${input.versionNumber} of ${input.authorityName}'s detailed application (${input.reference}) and asks for these changes:` },
    { kind: "inset", text: input.comments },
    { kind: "paragraph", text: "Any officer of your authority can make the changes and resubmit the application. Your earlier version is kept." },
    { kind: "link", text: "Change your detailed application", href: input.link },
  ]);
}

/** R-52 Sent when the programme manager declines the application. */
export function applicationDeclinedEmail(input: { authorityName: string; reference: string; comments: string }): RenderedEmail {
  return renderEmail(`Your detailed application: ${input.authorityName}`, [
    { kind: "paragraph", text: `The CLG programme team has reviewed ${input.authorityName}'s detailed application (${input.reference}). We are sorry to tell you that it has been declined.` },
    { kind: "inset", text: input.comments },
    { kind: "paragraph", text: "There is no appeals process." },
  ]);
}

/** R-53 The grant offer letter, with the PDF attached. */
export function grantOfferEmail(input: { authorityName: string; reference: string; amountText: string; startByText: string; link: string; grantId: string }): RenderedEmail {
  return renderEmail(`Grant offer: ${input.authorityName}, ${input.amountText}`, [
    { kind: "paragraph", text: `CLG has approved ${input.authorityName}'s detailed application (${input.reference}) and offers a grant of ${input.amountText} for the Practitioners' Toolkit pilot.` },
    { kind: "paragraph", text: "The offer letter is attached as a PDF. It sets out the amount, the conditions of grant, the outputs A to F the pilot will deliver and the reporting timetable." },
    { kind: "inset", text: `To accept the offer, an officer authorised by the lead authority accepts it in the service, giving their name and job title. The pilot must begin by ${input.startByText}.` },
    { kind: "link", text: "Accept the grant offer", href: input.link },
    { kind: "paragraph", text: `The grant's reference is ${input.grantId}.` },
  ]);
}

/** R-53 R-11 Sent when the offer is accepted: the pilot starts, and the health check visit is offered. */
export function offerAcceptedEmail(input: { authorityName: string; officerName: string; officerRole: string; acceptedOnText: string; amountText: string; grantId: string; link: string }): RenderedEmail {
  return renderEmail(`Grant offer accepted – your pilot has started: ${input.authorityName}`, [
    { kind: "paragraph", text: `${input.officerName} (${input.officerRole}) accepted the grant offer of ${input.amountText} for ${input.authorityName} on ${input.acceptedOnText}. Your Practitioners' Toolkit pilot has now started.` },
    { kind: "heading", text: "Your free customer service health check visit" },
    {
      kind: "paragraph",
      text: "As a pilot, you are offered a free customer service health check visit by a team drawn from private, public and third sector organisations. The team will look at your customer focus with you, drawing on the peer review's customer focus questions, and agree a report with you.",
    },
    { kind: "paragraph", text: "Reply to this email with two or three dates that would suit you, and the CLG programme team will arrange the visit." },
    { kind: "link", text: "View your grant and pilot", href: input.link },
    { kind: "paragraph", text: `The grant's reference is ${input.grantId}.` },
  ]);
}

import { renderEmail, type RenderedEmail } from "./layout";

/** Sent when the programme manager adds a user (issue 3): a link to set their password. */
export function setPasswordEmail(input: { name: string; link: string; roleLabel: string; expiresText: string }): RenderedEmail {
  return renderEmail("Set your password for the Practitioners' Toolkit pilot service", [
    { kind: "paragraph", text: `Dear ${input.name},` },
    { kind: "paragraph", text: `You have been given an account on the Practitioners' Toolkit pilot programme service as: ${input.roleLabel}.` },
    { kind: "link", text: "Set your password", href: input.link },
    { kind: "inset", text: `The link works once and expires at ${input.expiresText}.` },
    { kind: "paragraph", text: "If you did not expect this email, you can ignore it." },
  ]);
}

/** R-35 Sent when an expression of interest is submitted, with the PDF attached. */
export function eoiSubmittedEmail(input: { authorityName: string; reference: string; submittedAtText: string; requestsByText: string }): RenderedEmail {
  return renderEmail(`Expression of interest received: ${input.reference}`, [
    { kind: "paragraph", text: `We have received ${input.authorityName}'s expression of interest to be a Practitioners' Toolkit pilot.` },
    { kind: "inset", text: `Your reference is ${input.reference}` },
    { kind: "paragraph", text: `It was submitted at ${input.submittedAtText}. A copy is attached as a PDF.` },
    { kind: "heading", text: "What happens next" },
    {
      kind: "paragraph",
      text: "The invitation asks for expressions of interest both electronically and in hard copy. Print the attached PDF and post it to the Community Development Foundation, quoting your reference.",
    },
    { kind: "paragraph", text: `CLG will sift the expressions of interest. Areas selected to become one of the nine pilots will be asked for a detailed application by ${input.requestsByText}.` },
    { kind: "paragraph", text: "There will not be an appeals process for areas not selected." },
  ]);
}

/** R-35 Sent when an authority withdraws its expression of interest. */
export function eoiWithdrawnEmail(input: { authorityName: string; reference: string; reason: string }): RenderedEmail {
  return renderEmail(`Expression of interest withdrawn: ${input.reference}`, [
    { kind: "paragraph", text: `${input.authorityName}'s expression of interest ${input.reference} has been withdrawn.` },
    { kind: "inset", text: `Reason given: ${input.reason}` },
    { kind: "paragraph", text: "If this was a mistake, contact the CLG programme team before the closing date." },
  ]);
}

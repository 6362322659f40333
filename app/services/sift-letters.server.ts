import { renderEmail, type RenderedEmail } from "../../emails/layout";

// R-44 The letters sent when the shortlist is confirmed: the request for a detailed application
// (with its due date), and the outcome letter, which says there is no appeals process.

export interface LetterDetails {
  contactName: string;
  authorityName: string;
  reference: string;
  region: string;
  roundName: string;
}

export function invitationLetter(input: LetterDetails & { dueText: string; startByText: string; link: string }): RenderedEmail {
  return renderEmail(`Your expression of interest ${input.reference}: we invite a detailed application`, [
    { kind: "paragraph", text: `Dear ${input.contactName},` },
    { kind: "paragraph", text: `Thank you for the expression of interest from ${input.authorityName} in the ${input.roundName}.` },
    { kind: "heading", text: "You are invited to send a detailed application" },
    { kind: "paragraph", text: `Your bid has been shortlisted as the pilot for ${input.region}. We now invite ${input.authorityName} to send a detailed application.` },
    { kind: "inset", text: `Detailed applications are due by ${input.dueText}.` },
    { kind: "paragraph", text: "The detailed application covers:" },
    {
      kind: "list",
      items: [
        `a delivery plan with milestones, starting by ${input.startByText}`,
        "a plan for each of the outputs A to F: what, when and at what cost",
        "a budget by line and by quarter, showing what CLG funds (up to £100,000) and what other sources fund",
        "the risks, with their likelihood, impact, mitigation and owner",
        "your partners' confirmed roles",
        "your approach to the service improvement plan",
        "how you will evaluate the pilot",
      ],
    },
    { kind: "link", text: "Start your detailed application", href: input.link },
    { kind: "paragraph", text: "Pilots will also be offered a free customer service health check visit by a team drawn from private, public and third sector organisations." },
    { kind: "paragraph", text: `Please quote ${input.reference} in any correspondence.` },
  ]);
}

export function outcomeLetter(input: LetterDetails & { bids: number }): RenderedEmail {
  return renderEmail(`Your expression of interest ${input.reference}: outcome`, [
    { kind: "paragraph", text: `Dear ${input.contactName},` },
    { kind: "paragraph", text: `Thank you for the expression of interest from ${input.authorityName} in the ${input.roundName}.` },
    {
      kind: "paragraph",
      text: `We received ${input.bids} expressions of interest for nine pilots, one in each region. We are sorry to tell you that your bid has not been selected as a pilot.`,
    },
    { kind: "inset", text: "There is no appeals process for areas not selected." },
    {
      kind: "paragraph",
      text: "The pilots will share what they learn through regional events and workshops and a virtual peer support network, which we hope will be useful to you.",
    },
    { kind: "paragraph", text: `Please quote ${input.reference} in any correspondence.` },
  ]);
}

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

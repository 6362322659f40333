import type { ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface BackLinkProps {
  /** Link text; defaults to "Back". */
  text?: Text;
  html?: Html;
  href?: string;
  classes?: string;
  attributes?: Attributes;
  /** Alternative to `html`. */
  children?: ReactNode;
}

/** GOV.UK back link (govukBackLink). */
export function BackLink({ text, html, href, classes, attributes, children }: BackLinkProps) {
  return (
    <a {...mergeProps({ href: href || "#", className: cx("govuk-back-link", classes) }, attributeProps(attributes))} {...contentProps(children ?? html, text || "Back", { trim: false })} />
  );
}

import type { ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface SkipLinkProps {
  text?: Text;
  html?: Html;
  /** Defaults to "#content". */
  href?: string;
  classes?: string;
  attributes?: Attributes;
  /** Alternative to `html`. */
  children?: ReactNode;
}

/** GOV.UK skip link (govukSkipLink). */
export function SkipLink({ text, html, href, classes, attributes, children }: SkipLinkProps) {
  return (
    <a
      {...mergeProps({ href: href || "#content", className: cx("govuk-skip-link", classes) }, attributeProps(attributes), { "data-module": "govuk-skip-link" })}
      {...contentProps(children ?? html, text, { trim: false })}
    />
  );
}

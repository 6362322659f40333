import type { ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface TagProps {
  text?: Text;
  html?: Html;
  classes?: string;
  attributes?: Attributes;
  /** Alternative to `html`. */
  children?: ReactNode;
}

/** GOV.UK tag (govukTag). */
export function Tag({ text, html, classes, attributes, children }: TagProps) {
  return <strong {...mergeProps({ className: cx("govuk-tag", classes) }, attributeProps(attributes))} {...contentProps(children ?? html, text)} />;
}

import type { ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface HintProps {
  text?: Text;
  html?: Html;
  id?: string;
  classes?: string;
  attributes?: Attributes;
  /** Alternative to `html`. */
  children?: ReactNode;
}

/** GOV.UK hint text (govukHint). */
export function Hint({ text, html, id, classes, attributes, children }: HintProps) {
  return <div {...mergeProps({ id: id || undefined, className: cx("govuk-hint", classes) }, attributeProps(attributes))} {...contentProps(children ?? html, text)} />;
}

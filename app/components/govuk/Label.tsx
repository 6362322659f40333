import type { ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface LabelProps {
  /** Text of the label. */
  text?: Text;
  /** HTML of the label; a string is trusted markup, a React node is rendered as it is. */
  html?: Html;
  /** The id of the field the label is for. */
  for?: string;
  /** Wrap the label in an `<h1>`. */
  isPageHeading?: boolean;
  classes?: string;
  attributes?: Attributes;
  /** Alternative to `html`. */
  children?: ReactNode;
}

/** GOV.UK label (govukLabel). Renders nothing without text or HTML, like the macro. */
export function Label({ text, html, for: htmlFor, isPageHeading, classes, attributes, children }: LabelProps) {
  const body = children ?? html;
  if (!body && !text) return null;
  const label = <label {...mergeProps({ className: cx("govuk-label", classes) }, attributeProps(attributes), { htmlFor })} {...contentProps(body, text)} />;
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}

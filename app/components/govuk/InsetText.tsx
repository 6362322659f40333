import type { ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface InsetTextProps {
  text?: Text;
  html?: Html;
  id?: string;
  classes?: string;
  attributes?: Attributes;
  /** Content, as the macro's `caller` block; wins over `html` and `text`. */
  children?: ReactNode;
}

/** GOV.UK inset text (govukInsetText). */
export function InsetText({ text, html, id, classes, attributes, children }: InsetTextProps) {
  return <div {...mergeProps({ id: id || undefined, className: cx("govuk-inset-text", classes) }, attributeProps(attributes))} {...contentProps(children ?? html, text)} />;
}

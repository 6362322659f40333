import type { ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface DetailsProps {
  summaryText?: Text;
  summaryHtml?: Html;
  text?: Text;
  html?: Html;
  id?: string;
  open?: boolean;
  classes?: string;
  attributes?: Attributes;
  /** Content, as the macro's `caller` block; wins over `html` and `text`. */
  children?: ReactNode;
}

/** GOV.UK details (govukDetails). */
export function Details({ summaryText, summaryHtml, text, html, id, open, classes, attributes, children }: DetailsProps) {
  return (
    <details {...mergeProps({ id: id || undefined, className: cx("govuk-details", classes) }, attributeProps(attributes), { open: open ? true : undefined })}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text" {...contentProps(summaryHtml, summaryText)} />
      </summary>
      <div className="govuk-details__text" {...contentProps(children ?? html, text, { trim: false })} />
    </details>
  );
}

import type { ReactNode } from "react";
import { attributeProps, content, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface FieldsetLegend {
  text?: Text;
  html?: Html;
  classes?: string;
  /** Wrap the legend text in an `<h1>`. */
  isPageHeading?: boolean;
}

export interface FieldsetProps {
  /** Space-separated ids for `aria-describedby`. */
  describedBy?: string;
  legend?: FieldsetLegend;
  classes?: string;
  role?: string;
  attributes?: Attributes;
  /** Content of the fieldset when there is no `children`. */
  html?: Html;
  /** Content, as the macro's `caller` block; wins over `html`. */
  children?: ReactNode;
}

/** GOV.UK fieldset (govukFieldset). */
export function Fieldset({ describedBy, legend, classes, role, attributes, html, children }: FieldsetProps) {
  const legendContent = legend?.html || legend?.text;
  return (
    <fieldset {...mergeProps({ className: cx("govuk-fieldset", classes), role: role || undefined, "aria-describedby": describedBy || undefined }, attributeProps(attributes))}>
      {legendContent ? (
        legend?.isPageHeading ? (
          <legend className={cx("govuk-fieldset__legend", legend.classes)}>
            <h1 className="govuk-fieldset__heading" {...contentProps(legend.html, legend.text)} />
          </legend>
        ) : (
          <legend className={cx("govuk-fieldset__legend", legend?.classes)} {...contentProps(legend?.html, legend?.text)} />
        )
      ) : null}
      {children ?? (html ? content(html, undefined) : null)}
    </fieldset>
  );
}

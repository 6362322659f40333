import type { ReactNode } from "react";
import { attributeProps, content, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface WarningTextProps {
  text?: Text;
  html?: Html;
  /** Visually hidden text for the icon; defaults to "Warning". */
  iconFallbackText?: string;
  classes?: string;
  attributes?: Attributes;
  /** Alternative to `html`. */
  children?: ReactNode;
}

/** GOV.UK warning text (govukWarningText). */
export function WarningText({ text, html, iconFallbackText, classes, attributes, children }: WarningTextProps) {
  return (
    <div {...mergeProps({ className: cx("govuk-warning-text", classes) }, attributeProps(attributes))}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText || "Warning"}</span> {content(children ?? html, text)}
      </strong>
    </div>
  );
}

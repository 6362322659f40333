import type { ReactNode } from "react";
import { attributeProps, content, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface ErrorMessageProps {
  text?: Text;
  html?: Html;
  id?: string;
  classes?: string;
  attributes?: Attributes;
  /** Visually hidden prefix; defaults to "Error". Pass an empty string (or `false`) to omit it. */
  visuallyHiddenText?: string | false;
  /** Alternative to `html`. */
  children?: ReactNode;
}

/** GOV.UK error message (govukErrorMessage). */
export function ErrorMessage({ text, html, id, classes, attributes, visuallyHiddenText = "Error", children }: ErrorMessageProps) {
  const message = content(children ?? html, text);
  return (
    <p {...mergeProps({ id: id || undefined, className: cx("govuk-error-message", classes) }, attributeProps(attributes))}>
      {visuallyHiddenText ? (
        <>
          <span className="govuk-visually-hidden">{visuallyHiddenText}:</span> {message}
        </>
      ) : (
        message
      )}
    </p>
  );
}

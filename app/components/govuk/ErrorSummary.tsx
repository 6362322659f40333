import type { ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, str, type Attributes, type Html, type Text } from "./shared";

export interface ErrorSummaryItem {
  /** Usually `#field-id`. */
  href?: string;
  text?: Text;
  html?: Html;
  attributes?: Attributes;
}

export interface ErrorSummaryProps {
  titleText?: Text;
  titleHtml?: Html;
  descriptionText?: Text;
  descriptionHtml?: Html;
  errorList?: ErrorSummaryItem[];
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: Attributes;
  /** Description, as the macro's `caller` block; wins over `descriptionHtml` and `descriptionText`. */
  children?: ReactNode;
}

/** GOV.UK error summary (govukErrorSummary). */
export function ErrorSummary({ titleText, titleHtml, descriptionText, descriptionHtml, errorList, disableAutoFocus, classes, attributes, children }: ErrorSummaryProps) {
  const description = children ?? descriptionHtml;
  return (
    <div
      {...mergeProps(
        { className: cx("govuk-error-summary", classes), "data-disable-auto-focus": disableAutoFocus !== undefined ? str(disableAutoFocus) : undefined },
        attributeProps(attributes),
        { "data-module": "govuk-error-summary" },
      )}
    >
      <div role="alert">
        <h2 className="govuk-error-summary__title" {...contentProps(titleHtml, titleText)} />
        <div className="govuk-error-summary__body">
          {description || descriptionText ? <p {...contentProps(description, descriptionText)} /> : null}
          {errorList?.length ? (
            <ul className="govuk-list govuk-error-summary__list">
              {errorList.map((item, index) =>
                item.href ? (
                  <li key={index}>
                    <a {...mergeProps({ href: item.href }, attributeProps(item.attributes))} {...contentProps(item.html, item.text)} />
                  </li>
                ) : (
                  <li key={index} {...contentProps(item.html, item.text)} />
                ),
              )}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}

import { createElement, type ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, str, type Attributes, type Html, type Text } from "./shared";

export interface NotificationBannerProps {
  text?: Text;
  html?: Html;
  titleText?: Text;
  titleHtml?: Html;
  /** Heading level of the title; defaults to 2. */
  titleHeadingLevel?: string | number;
  /** `success` for a success banner. */
  type?: string;
  /** Overrides the role (`alert` for success banners, `region` otherwise). */
  role?: string;
  titleId?: string;
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: Attributes;
  /** Content, as the macro's `caller` block; wins over `html` and `text`. */
  children?: ReactNode;
}

/** GOV.UK notification banner (govukNotificationBanner). */
export function NotificationBanner({ text, html, titleText, titleHtml, titleHeadingLevel, type, role, titleId, disableAutoFocus, classes, attributes, children }: NotificationBannerProps) {
  const success = type === "success";
  const id = titleId || "govuk-notification-banner-title";
  const title = titleHtml ? contentProps(titleHtml, undefined) : { children: titleText || (success ? "Success" : "Important") };
  const body = children ?? html;
  return (
    <div
      {...mergeProps(
        {
          className: cx("govuk-notification-banner", success && `govuk-notification-banner--${type}`, classes),
          role: role || (success ? "alert" : "region"),
          "aria-labelledby": id,
          "data-module": "govuk-notification-banner",
          "data-disable-auto-focus": disableAutoFocus !== undefined ? str(disableAutoFocus) : undefined,
        },
        attributeProps(attributes),
      )}
    >
      <div className="govuk-notification-banner__header">{createElement(`h${titleHeadingLevel || 2}`, { className: "govuk-notification-banner__title", id, ...title })}</div>
      <div
        className="govuk-notification-banner__content"
        {...(body
          ? contentProps(body, undefined)
          : { children: text ? <p className="govuk-notification-banner__heading">{typeof text === "string" ? text.trim() : text}</p> : null })}
      />
    </div>
  );
}

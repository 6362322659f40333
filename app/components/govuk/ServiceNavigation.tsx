import type { ReactNode } from "react";
import { attributeProps, content, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface ServiceNavigationItem {
  /** The page being shown (`aria-current="page"`). */
  current?: boolean;
  /** A page within this section (`aria-current="true"`). */
  active?: boolean;
  html?: Html;
  text?: Text;
  href?: string;
  attributes?: Attributes;
}

export interface ServiceNavigationProps {
  classes?: string;
  attributes?: Attributes;
  /** Accessible name of the section; defaults to "Service information". */
  ariaLabel?: string;
  /** Defaults to "Menu". */
  menuButtonText?: string;
  menuButtonLabel?: string;
  navigationLabel?: string;
  /** Defaults to "navigation". */
  navigationId?: string;
  navigationClasses?: string;
  collapseNavigationOnMobile?: boolean;
  serviceName?: Text;
  serviceUrl?: string;
  navigation?: Array<ServiceNavigationItem | null | undefined | false>;
  /** HTML injected at fixed places (strings are trusted markup). */
  slots?: {
    start?: Html;
    end?: Html | { html?: Html; align?: string };
    navigationStart?: Html;
    navigationEnd?: Html;
  };
}

function isEndObject(end: unknown): end is { html?: Html; align?: string } {
  return typeof end === "object" && end !== null && !Array.isArray(end) && !("$$typeof" in end);
}

/** GOV.UK service navigation (govukServiceNavigation): service name and navigation links. */
export function ServiceNavigation(props: ServiceNavigationProps) {
  const { classes, attributes, ariaLabel, menuButtonLabel, navigationLabel, navigationClasses, serviceName, serviceUrl, navigation, slots } = props;
  const menuButtonText = props.menuButtonText || "Menu";
  const navigationId = props.navigationId || "navigation";
  const endSlotHtml = isEndObject(slots?.end) ? slots.end.html : slots?.end;
  const endSlotInline = isEndObject(slots?.end) && slots.end.align === "inline";
  const items = (navigation ?? []).filter((item): item is ServiceNavigationItem => Boolean(item));
  const collapseNavigationOnMobile = props.collapseNavigationOnMobile ?? items.length > 1;

  const slot = (html: Html | undefined): ReactNode => (html ? content(html, undefined) : null);

  const inner = (
    <div className={cx("govuk-width-container", endSlotInline && "govuk-service-navigation__inlining-container")}>
      {slot(slots?.start)}
      <div className="govuk-service-navigation__container">
        {serviceName ? (
          <span className="govuk-service-navigation__service-name">
            {serviceUrl ? (
              <a href={serviceUrl} className="govuk-service-navigation__link">
                {serviceName}
              </a>
            ) : (
              <span className="govuk-service-navigation__text">{serviceName}</span>
            )}
          </span>
        ) : null}
        {items.length || slots?.navigationStart || slots?.navigationEnd ? (
          <nav aria-label={navigationLabel || menuButtonText} className={cx("govuk-service-navigation__wrapper", navigationClasses)}>
            {collapseNavigationOnMobile ? (
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls={navigationId}
                aria-label={menuButtonLabel && menuButtonLabel !== menuButtonText ? menuButtonLabel : undefined}
                hidden
                aria-hidden="true"
              >
                {menuButtonText}
              </button>
            ) : null}
            <ul className="govuk-service-navigation__list" id={navigationId}>
              {slot(slots?.navigationStart)}
              {items.map((item, index) => {
                const isActive = Boolean(item.active || item.current);
                const ariaCurrent = isActive ? (item.current ? "page" : "true") : undefined;
                const linkContent = isActive ? { children: <strong className="govuk-service-navigation__active-fallback" {...contentProps(item.html, item.text, { trim: false })} /> } : contentProps(item.html, item.text, { trim: false });
                return (
                  <li key={index} className={cx("govuk-service-navigation__item", isActive && "govuk-service-navigation__item--active")}>
                    {item.href ? (
                      <a {...mergeProps({ className: "govuk-service-navigation__link", href: item.href, "aria-current": ariaCurrent }, attributeProps(item.attributes))} {...linkContent} />
                    ) : item.html || item.text ? (
                      <span className="govuk-service-navigation__text" aria-current={ariaCurrent} {...linkContent} />
                    ) : null}
                  </li>
                );
              })}
              {slot(slots?.navigationEnd)}
            </ul>
          </nav>
        ) : null}
      </div>
      {slot(endSlotHtml)}
    </div>
  );

  const common = [{ className: cx("govuk-service-navigation", classes), "data-module": "govuk-service-navigation" }, attributeProps(attributes)];
  if (serviceName || slots?.start || endSlotHtml) {
    return <section {...mergeProps({ "aria-label": ariaLabel ?? "Service information" }, ...common)}>{inner}</section>;
  }
  return <div {...mergeProps(...common)}>{inner}</div>;
}

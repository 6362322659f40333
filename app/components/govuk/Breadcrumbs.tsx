import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface BreadcrumbsItem {
  text?: Text;
  html?: Html;
  /** Omit for the current page. */
  href?: string;
  attributes?: Attributes;
}

export interface BreadcrumbsProps {
  items: BreadcrumbsItem[];
  classes?: string;
  collapseOnMobile?: boolean;
  attributes?: Attributes;
  /** Accessible name of the navigation; defaults to "Breadcrumb". */
  labelText?: string;
}

/** GOV.UK breadcrumbs (govukBreadcrumbs). */
export function Breadcrumbs({ items, classes, collapseOnMobile, attributes, labelText }: BreadcrumbsProps) {
  return (
    <nav {...mergeProps({ className: cx("govuk-breadcrumbs", classes, collapseOnMobile && "govuk-breadcrumbs--collapse-on-mobile") }, attributeProps(attributes), { "aria-label": labelText ?? "Breadcrumb" })}>
      <ol className="govuk-breadcrumbs__list">
        {(items ?? []).map((item, index) =>
          item.href ? (
            <li key={index} className="govuk-breadcrumbs__list-item">
              <a {...mergeProps({ className: "govuk-breadcrumbs__link", href: item.href }, attributeProps(item.attributes))} {...contentProps(item.html, item.text, { trim: false })} />
            </li>
          ) : (
            <li key={index} className="govuk-breadcrumbs__list-item" aria-current="page" {...contentProps(item.html, item.text, { trim: false })} />
          ),
        )}
      </ol>
    </nav>
  );
}

import type { ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, str, type Attributes, type Html, type Text } from "./shared";

export interface PaginationItem {
  number?: string | number;
  /** Accessible name of the link; defaults to "Page <number>". */
  visuallyHiddenText?: string;
  href?: string;
  current?: boolean;
  /** Renders "⋯" instead of a link. */
  ellipsis?: boolean;
  attributes?: Attributes;
}

export interface PaginationLink {
  text?: Text;
  html?: Html;
  /** Shown under the link text in block (previous/next only) pagination. */
  labelText?: string;
  href: string;
  attributes?: Attributes;
}

export interface PaginationProps {
  items?: Array<PaginationItem | null | undefined>;
  previous?: PaginationLink;
  next?: PaginationLink;
  /** Accessible name of the navigation; defaults to "Pagination". */
  landmarkLabel?: string;
  classes?: string;
  attributes?: Attributes;
}

function Arrow({ type }: { type: "prev" | "next" }) {
  return (
    <svg className={`govuk-pagination__icon govuk-pagination__icon--${type}`} xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
      <path
        d={
          type === "prev"
            ? "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"
            : "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"
        }
      />
    </svg>
  );
}

function ArrowLink({ link, type, blockLevel, fallback }: { link: PaginationLink; type: "prev" | "next"; blockLevel: boolean; fallback: string }) {
  const title =
    link.html || link.text
      ? contentProps(link.html, link.text)
      : {
          children: (
            <>
              {fallback}
              <span className="govuk-visually-hidden"> page</span>
            </>
          ),
        };
  return (
    <div className={`govuk-pagination__${type}`}>
      <a {...mergeProps({ className: "govuk-link govuk-pagination__link", href: link.href, rel: type }, attributeProps(link.attributes))}>
        {blockLevel || type === "prev" ? <Arrow type={type} /> : null}
        <span className={cx("govuk-pagination__link-title", blockLevel && !link.labelText && "govuk-pagination__link-title--decorated")} {...title} />
        {link.labelText && blockLevel ? (
          <>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{link.labelText}</span>
          </>
        ) : null}
        {!blockLevel && type === "next" ? <Arrow type={type} /> : null}
      </a>
    </div>
  );
}

function PageItem({ item }: { item: PaginationItem }): ReactNode {
  return (
    <li className={cx("govuk-pagination__item", item.current && "govuk-pagination__item--current", item.ellipsis && "govuk-pagination__item--ellipsis")}>
      {item.ellipsis ? (
        "\u22ef"
      ) : (
        <a
          {...mergeProps(
            {
              className: "govuk-link govuk-pagination__link",
              href: str(item.href),
              "aria-label": item.visuallyHiddenText ?? `Page ${item.number}`,
              "aria-current": item.current ? "page" : undefined,
            },
            attributeProps(item.attributes),
          )}
        >
          {item.number}
        </a>
      )}
    </li>
  );
}

/** GOV.UK pagination (govukPagination): numbered pages, or previous/next links only. */
export function Pagination({ items, previous, next, landmarkLabel, classes, attributes }: PaginationProps) {
  const blockLevel = !items && Boolean(next || previous);
  return (
    <nav
      {...mergeProps(
        { className: cx("govuk-pagination", blockLevel && "govuk-pagination--block", classes), "aria-label": landmarkLabel || "Pagination" },
        attributeProps(attributes),
      )}
    >
      {previous && previous.href ? <ArrowLink link={previous} type="prev" blockLevel={blockLevel} fallback="Previous" /> : null}
      {items ? (
        <ul className="govuk-pagination__list">
          {items.map((item, index) => (item && Object.keys(item).length > 0 ? <PageItem key={index} item={item} /> : null))}
        </ul>
      ) : null}
      {next && next.href ? <ArrowLink link={next} type="next" blockLevel={blockLevel} fallback="Next" /> : null}
    </nav>
  );
}

import { createElement, type ReactNode } from "react";
import { attributeProps, content, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface SummaryListAction {
  href: string;
  text?: Text;
  html?: Html;
  /** Completes the link text for screen readers, e.g. "name" for "Change name". */
  visuallyHiddenText?: string;
  classes?: string;
  attributes?: Attributes;
}

export interface SummaryListActions {
  items?: SummaryListAction[];
  classes?: string;
}

export interface SummaryListRow {
  classes?: string;
  key: { text?: Text; html?: Html; classes?: string };
  value: { text?: Text; html?: Html; classes?: string };
  actions?: SummaryListActions;
}

export interface SummaryCardTitle {
  text?: Text;
  html?: Html;
  /** Defaults to 2. */
  headingLevel?: number;
  classes?: string;
}

export interface SummaryCard {
  title?: SummaryCardTitle;
  actions?: SummaryListActions;
  classes?: string;
  attributes?: Attributes;
}

export interface SummaryListProps {
  rows: Array<SummaryListRow | null | undefined | false>;
  /** Wraps the list in a summary card. */
  card?: SummaryCard;
  classes?: string;
  attributes?: Attributes;
}

function ActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle?: SummaryCardTitle }) {
  return (
    <a {...mergeProps({ className: cx("govuk-link", action.classes), href: action.href }, attributeProps(action.attributes))}>
      {content(action.html, action.text)}
      {action.visuallyHiddenText || cardTitle ? (
        <span className="govuk-visually-hidden">
          {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : null}
          {cardTitle ? <> ({content(cardTitle.html, cardTitle.text)})</> : null}
        </span>
      ) : null}
    </a>
  );
}

function Actions({ actions, cardTitle, single, list, item }: { actions: SummaryListAction[]; cardTitle?: SummaryCardTitle; single: (link: ReactNode) => ReactNode; list: string; item: string }) {
  if (actions.length === 1) return <>{single(<ActionLink action={actions[0]} cardTitle={cardTitle} />)}</>;
  return (
    <ul className={list}>
      {actions.map((action, index) => (
        <li key={index} className={item}>
          <ActionLink action={action} cardTitle={cardTitle} />
        </li>
      ))}
    </ul>
  );
}

/** GOV.UK summary list (govukSummaryList), optionally in a summary card. */
export function SummaryList({ rows, card, classes, attributes }: SummaryListProps) {
  const anyRowHasActions = (rows ?? []).some((row) => row && row.actions?.items?.length);
  const list = (
    <dl {...mergeProps({ className: cx("govuk-summary-list", classes) }, attributeProps(attributes))}>
      {(rows ?? []).map((row, index) =>
        row ? (
          <div key={index} className={cx("govuk-summary-list__row", anyRowHasActions && !row.actions?.items && "govuk-summary-list__row--no-actions", row.classes)}>
            <dt className={cx("govuk-summary-list__key", row.key?.classes)} {...contentProps(row.key?.html, row.key?.text)} />
            <dd className={cx("govuk-summary-list__value", row.value?.classes)} {...contentProps(row.value?.html, row.value?.text)} />
            {row.actions?.items?.length ? (
              <dd className={cx("govuk-summary-list__actions", row.actions.classes)}>
                <Actions
                  actions={row.actions.items}
                  cardTitle={card?.title}
                  single={(link) => link}
                  list="govuk-summary-list__actions-list"
                  item="govuk-summary-list__actions-list-item"
                />
              </dd>
            ) : null}
          </div>
        ) : null,
      )}
    </dl>
  );
  if (!card) return list;
  const cardActions = card.actions?.items ?? [];
  return (
    <div {...mergeProps({ className: cx("govuk-summary-card", card.classes) }, attributeProps(card.attributes))}>
      <div className="govuk-summary-card__title-wrapper">
        {card.title
          ? createElement(`h${card.title.headingLevel || 2}`, {
              className: cx("govuk-summary-card__title", card.title.classes),
              ...contentProps(card.title.html, card.title.text),
            })
          : null}
        {cardActions.length ? (
          <Actions
            actions={cardActions}
            cardTitle={card.title}
            single={(link) => <div className={cx("govuk-summary-card__actions", card.actions?.classes)}>{link}</div>}
            list={cx("govuk-summary-card__actions", card.actions?.classes)}
            item="govuk-summary-card__action"
          />
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{list}</div>
    </div>
  );
}

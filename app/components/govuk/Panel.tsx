import { createElement, type ReactNode } from "react";
import { Button } from "./Button";
import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface PanelAction {
  text?: Text;
  /** `button` (the default for an action without `href`) or `submit`/`reset`. */
  type?: string;
  href?: string;
  classes?: string;
  attributes?: Attributes;
}

export interface PanelProps {
  titleText?: Text;
  titleHtml?: Html;
  /** Heading level of the title, 1 to 6; defaults to 1. */
  headingLevel?: number;
  text?: Text;
  html?: Html;
  classes?: string;
  attributes?: Attributes;
  /** Actions of an interruption panel (`classes: "govuk-panel--interruption"`). */
  actions?: { items?: PanelAction[]; classes?: string; attributes?: Attributes };
  /** Body, as the macro's `caller` block; wins over `html` and `text`. */
  children?: ReactNode;
}

function PanelActionItem({ action }: { action: PanelAction }) {
  if (!action.href || action.type === "button") {
    return <Button text={action.text} type={action.type || "button"} classes={cx("govuk-button--inverse", action.classes)} href={action.href} attributes={action.attributes} />;
  }
  return <a {...mergeProps({ className: cx("govuk-link govuk-link--inverse", action.classes), href: action.href }, attributeProps(action.attributes))}>{action.text}</a>;
}

/** GOV.UK panel (govukPanel): a confirmation panel, or an interruption panel. */
export function Panel({ titleText, titleHtml, headingLevel, text, html, classes, attributes, actions, children }: PanelProps) {
  const isInterruption = Boolean(classes && classes.includes("govuk-panel--interruption"));
  const body = children ?? html;
  return (
    <div {...mergeProps({ className: cx("govuk-panel", !isInterruption && "govuk-panel--confirmation", classes) }, attributeProps(attributes))}>
      {createElement(`h${headingLevel || 1}`, { className: "govuk-panel__title", ...contentProps(titleHtml, titleText) })}
      {body || text ? <div className="govuk-panel__body" {...contentProps(body, text)} /> : null}
      {isInterruption && actions ? (
        <div {...mergeProps({ className: cx("govuk-panel__actions", actions.classes) }, attributeProps(actions.attributes))}>
          {actions.items?.length ? (
            <div className="govuk-button-group">
              {actions.items.map((action, index) => (
                <PanelActionItem key={index} action={action} />
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

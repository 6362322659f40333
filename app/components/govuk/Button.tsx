import type { ReactNode } from "react";
import { attributeProps, contentProps, cx, mergeProps, str, type Attributes, type Html, type Text } from "./shared";

export interface ButtonProps {
  text?: Text;
  html?: Html;
  /** `submit` (the default), `button` or `reset`. */
  type?: string;
  name?: string;
  value?: string;
  disabled?: boolean;
  /** Renders a link styled as a button. */
  href?: string;
  classes?: string;
  attributes?: Attributes;
  preventDoubleClick?: boolean;
  isStartButton?: boolean;
  id?: string;
  /** Alternative to `html`. */
  children?: ReactNode;
}

function StartIcon() {
  return (
    <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

/** GOV.UK button (govukButton): a `<button>`, or a link when `href` is given. */
export function Button({ text, html, type, name, value, disabled, href, classes, attributes, preventDoubleClick, isStartButton, id, children }: ButtonProps) {
  const body = children ?? html;
  const common = [{ className: cx("govuk-button", classes, isStartButton && "govuk-button--start"), "data-module": "govuk-button" }, attributeProps(attributes), { id: id || undefined }];
  // A start button wraps HTML in a <span> (flexbox would eat its whitespace) and adds an arrow.
  const contents = isStartButton
    ? {
        children: (
          <>
            {body ? <span {...contentProps(body, undefined)} /> : text}
            <StartIcon />
          </>
        ),
      }
    : contentProps(body, text);
  if (href) {
    return <a {...mergeProps({ href, role: "button", draggable: "false" }, ...common)} {...contents} />;
  }
  return (
    <button
      {...mergeProps(
        {
          type: type || "submit",
          value: value || undefined,
          name: name || undefined,
          disabled: disabled ? true : undefined,
          "aria-disabled": disabled ? "true" : undefined,
          "data-prevent-double-click": preventDoubleClick !== undefined ? str(preventDoubleClick) : undefined,
        },
        ...common,
      )}
      {...contents}
    />
  );
}

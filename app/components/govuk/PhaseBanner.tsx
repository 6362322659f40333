import type { ReactNode } from "react";
import { Tag, type TagProps } from "./Tag";
import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface PhaseBannerProps {
  text?: Text;
  html?: Html;
  /** The phase tag, e.g. `{ text: "Beta" }`. */
  tag?: Pick<TagProps, "text" | "html" | "classes">;
  classes?: string;
  attributes?: Attributes;
  /** Alternative to `html`. */
  children?: ReactNode;
}

/** GOV.UK phase banner (govukPhaseBanner). */
export function PhaseBanner({ text, html, tag, classes, attributes, children }: PhaseBannerProps) {
  return (
    <div {...mergeProps({ className: cx("govuk-phase-banner govuk-width-container", classes) }, attributeProps(attributes))}>
      <p className="govuk-phase-banner__content">
        <Tag text={tag?.text} html={tag?.html} classes={cx("govuk-phase-banner__content__tag", tag?.classes)} />
        <span className="govuk-phase-banner__text" {...contentProps(children ?? html, text)} />
      </p>
    </div>
  );
}

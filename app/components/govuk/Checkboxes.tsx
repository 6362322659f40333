import type { ReactNode } from "react";
import { Fieldset, type FieldsetProps } from "./Fieldset";
import { FormGroupWrapper, hintAndError, slotContent, type ErrorMessageOption, type FormGroupInputsOptions, type HintOption } from "./FormGroup";
import { Hint, type HintProps } from "./Hint";
import { Label } from "./Label";
import { attributeProps, contentProps, cx, mergeProps, nunjucksIn, str, uncontrolled, type Attributes, type Html, type Text } from "./shared";

export interface CheckboxesItem {
  /** Defaults to the group's `name`. */
  name?: string;
  /** `exclusive` unchecks the other checkboxes when this one is checked ("None of these"). */
  behaviour?: string;
  text?: Text;
  html?: Html;
  /** Defaults to `idPrefix`, then `idPrefix-2`, `idPrefix-3`… */
  id?: string;
  value?: string | number;
  label?: { classes?: string; attributes?: Attributes };
  hint?: Omit<HintProps, "id">;
  /** Renders a divider ("or") instead of a checkbox. */
  divider?: string;
  checked?: boolean;
  /** Content revealed when the checkbox is checked. */
  conditional?: { html?: Html };
  disabled?: boolean;
  attributes?: Attributes;
}

export interface CheckboxesProps {
  /** Ids for `aria-describedby` (of the fieldset, or of each checkbox without one). */
  describedBy?: string;
  fieldset?: Omit<FieldsetProps, "html" | "children" | "role"> | false | null;
  hint?: HintOption;
  errorMessage?: ErrorMessageOption;
  formGroup?: FormGroupInputsOptions;
  /** Prefix of the checkboxes' ids; defaults to `name`. */
  idPrefix?: string;
  name: string;
  items: Array<CheckboxesItem | null | undefined | false>;
  /** Checks the checkboxes with these values (unless an item says `checked: false`). */
  values?: Array<string | number> | string;
  classes?: string;
  attributes?: Attributes;
}

function CheckboxItem({ name, values, item, itemId, describedBy }: { name: string; values: CheckboxesProps["values"]; item: CheckboxesItem; itemId: string; describedBy: string }) {
  const conditionalId = `conditional-${itemId}`;
  if (item.divider) return <div className="govuk-checkboxes__divider">{item.divider}</div>;
  const isChecked = item.checked ? true : values ? nunjucksIn(item.value, values) && item.checked !== false : false;
  const hasHint = Boolean(item.hint?.text || item.hint?.html || item.hint?.children);
  const itemHintId = hasHint ? `${itemId}-item-hint` : "";
  const itemDescribedBy = `${describedBy} ${itemHintId}`.trim();
  return (
    <>
      <div className="govuk-checkboxes__item">
        <input
          {...uncontrolled(mergeProps(
            {
              className: "govuk-checkboxes__input",
              id: itemId,
              name: str(item.name || name),
              type: "checkbox",
              value: str(item.value),
              checked: isChecked ? true : undefined,
              disabled: item.disabled ? true : undefined,
              "data-aria-controls": item.conditional?.html ? conditionalId : undefined,
              "data-behaviour": item.behaviour || undefined,
              "aria-describedby": itemDescribedBy || undefined,
            },
            attributeProps(item.attributes),
          ))}
        />
        <Label html={item.html} text={item.text} classes={cx("govuk-checkboxes__label", item.label?.classes)} attributes={item.label?.attributes} for={itemId} />
        {hasHint ? (
          <Hint id={itemHintId} classes={cx("govuk-checkboxes__hint", item.hint?.classes)} attributes={item.hint?.attributes} html={item.hint?.html ?? item.hint?.children} text={item.hint?.text} />
        ) : null}
      </div>
      {item.conditional?.html ? (
        <div className={cx("govuk-checkboxes__conditional", !isChecked && "govuk-checkboxes__conditional--hidden")} id={conditionalId} {...contentProps(item.conditional.html, undefined)} />
      ) : null}
    </>
  );
}

/** GOV.UK checkboxes (govukCheckboxes). */
export function Checkboxes({ describedBy: describedByOption, fieldset, hint, errorMessage, formGroup, idPrefix, name, items, values, classes, attributes }: CheckboxesProps) {
  const prefix = idPrefix || name;
  const { hintNode, errorNode, describedBy } = hintAndError(prefix, hint, errorMessage, (fieldset && fieldset.describedBy) || describedByOption || undefined);
  const inner: ReactNode = (
    <>
      {hintNode}
      {errorNode}
      <div {...mergeProps({ className: cx("govuk-checkboxes", classes) }, attributeProps(attributes), { "data-module": "govuk-checkboxes" })}>
        {slotContent(formGroup?.beforeInputs)}
        {(items ?? []).map((item, index) =>
          item ? <CheckboxItem key={index} name={name} values={values} describedBy={fieldset ? "" : (describedBy ?? "")} item={item} itemId={item.id || `${prefix}${index > 0 ? `-${index + 1}` : ""}`} /> : null,
        )}
        {slotContent(formGroup?.afterInputs)}
      </div>
    </>
  );
  return (
    <FormGroupWrapper formGroup={formGroup} error={Boolean(errorMessage)}>
      {fieldset ? (
        <Fieldset describedBy={describedBy} classes={fieldset.classes} attributes={fieldset.attributes} legend={fieldset.legend}>
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </FormGroupWrapper>
  );
}

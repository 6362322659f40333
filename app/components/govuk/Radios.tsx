import type { ReactNode } from "react";
import { Fieldset, type FieldsetProps } from "./Fieldset";
import { FormGroupWrapper, hintAndError, slotContent, type ErrorMessageOption, type FormGroupInputsOptions, type HintOption } from "./FormGroup";
import { Hint, type HintProps } from "./Hint";
import { Label } from "./Label";
import { attributeProps, contentProps, cx, looseEquals, mergeProps, str, uncontrolled, type Attributes, type Html, type Text } from "./shared";

export interface RadiosItem {
  text?: Text;
  html?: Html;
  /** Defaults to `idPrefix`, then `idPrefix-2`, `idPrefix-3`… */
  id?: string;
  value?: string | number;
  label?: { classes?: string; attributes?: Attributes };
  hint?: Omit<HintProps, "id">;
  /** Renders a divider ("or") instead of a radio. */
  divider?: string;
  checked?: boolean;
  /** Content revealed when the radio is checked. */
  conditional?: { html?: Html };
  disabled?: boolean;
  attributes?: Attributes;
}

export interface RadiosProps {
  fieldset?: Omit<FieldsetProps, "html" | "children" | "role"> | false | null;
  hint?: HintOption;
  errorMessage?: ErrorMessageOption;
  formGroup?: FormGroupInputsOptions;
  /** Prefix of the radios' ids; defaults to `name`. */
  idPrefix?: string;
  name: string;
  items: Array<RadiosItem | null | undefined | false>;
  /** Checks the radio with this value (unless the item says `checked: false`). */
  value?: string | number;
  classes?: string;
  attributes?: Attributes;
}

function RadioItem({ name, value, item, itemId }: { name: string; value: RadiosProps["value"]; item: RadiosItem; itemId: string }) {
  const conditionalId = `conditional-${itemId}`;
  if (item.divider) return <div className="govuk-radios__divider">{item.divider}</div>;
  const isChecked = item.checked ? true : value ? looseEquals(item.value, value) && item.checked !== false : false;
  const hasHint = Boolean(item.hint?.text || item.hint?.html || item.hint?.children);
  const itemHintId = `${itemId}-item-hint`;
  return (
    <>
      <div className="govuk-radios__item">
        <input
          {...uncontrolled(mergeProps(
            {
              className: "govuk-radios__input",
              id: itemId,
              name: str(name),
              type: "radio",
              value: str(item.value),
              checked: isChecked ? true : undefined,
              disabled: item.disabled ? true : undefined,
              "data-aria-controls": item.conditional?.html ? conditionalId : undefined,
              "aria-describedby": hasHint ? itemHintId : undefined,
            },
            attributeProps(item.attributes),
          ))}
        />
        <Label html={item.html} text={item.text} classes={cx("govuk-radios__label", item.label?.classes)} attributes={item.label?.attributes} for={itemId} />
        {hasHint ? (
          <Hint id={itemHintId} classes={cx("govuk-radios__hint", item.hint?.classes)} attributes={item.hint?.attributes} html={item.hint?.html ?? item.hint?.children} text={item.hint?.text} />
        ) : null}
      </div>
      {item.conditional?.html ? (
        <div className={cx("govuk-radios__conditional", !isChecked && "govuk-radios__conditional--hidden")} id={conditionalId} {...contentProps(item.conditional.html, undefined)} />
      ) : null}
    </>
  );
}

/** GOV.UK radios (govukRadios). */
export function Radios({ fieldset, hint, errorMessage, formGroup, idPrefix, name, items, value, classes, attributes }: RadiosProps) {
  const prefix = idPrefix || name;
  const { hintNode, errorNode, describedBy } = hintAndError(prefix, hint, errorMessage, (fieldset && fieldset.describedBy) || undefined);
  const inner: ReactNode = (
    <>
      {hintNode}
      {errorNode}
      <div {...mergeProps({ className: cx("govuk-radios", classes) }, attributeProps(attributes), { "data-module": "govuk-radios" })}>
        {slotContent(formGroup?.beforeInputs)}
        {(items ?? []).map((item, index) =>
          item ? <RadioItem key={index} name={name} value={value} item={item} itemId={item.id || `${prefix}${index > 0 ? `-${index + 1}` : ""}`} /> : null,
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

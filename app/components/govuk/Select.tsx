import { FormGroupWrapper, hintAndError, slotContent, type ErrorMessageOption, type FormGroupOptions, type HintOption } from "./FormGroup";
import { Label, type LabelProps } from "./Label";
import { attributeProps, cx, looseEquals, mergeProps, str, type Attributes } from "./shared";

export interface SelectItem {
  /** Omit to let the option's text be its value. */
  value?: string | number | null;
  text?: string | number;
  selected?: boolean;
  disabled?: boolean;
  attributes?: Attributes;
}

export interface SelectProps {
  /** Defaults to `name`. */
  id?: string;
  name: string;
  items: Array<SelectItem | null | undefined | false>;
  /** Selects the option with this value (unless the item says `selected: false`). */
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  label?: Omit<LabelProps, "for">;
  hint?: HintOption;
  errorMessage?: ErrorMessageOption;
  formGroup?: FormGroupOptions;
  classes?: string;
  attributes?: Attributes;
}

/** GOV.UK select (govukSelect). */
export function Select(props: SelectProps) {
  const { name, items, value, disabled, label, hint, errorMessage, formGroup, classes, attributes } = props;
  const id = props.id || name;
  const { hintNode, errorNode, describedBy } = hintAndError(id, hint, errorMessage, props.describedBy || undefined);
  const selectProps = mergeProps(
    {
      className: cx("govuk-select", classes, errorMessage && "govuk-select--error"),
      id: str(id),
      name: str(name),
      disabled: disabled ? true : undefined,
      "aria-describedby": describedBy,
    },
    attributeProps(attributes),
  );

  const options = (items ?? []).flatMap((item, index) => {
    if (!item) return [];
    // An option without a value attribute submits its text.
    const effectiveValue = item.value !== undefined ? item.value : item.text;
    const selected = item.selected ? true : value ? looseEquals(effectiveValue, value) && item.selected !== false : false;
    const optionValue = item.value !== undefined ? str(item.value) : undefined;
    return [{ index, item, selected, optionValue, submitted: optionValue ?? str(item.text) }];
  });

  // React marks options selected from the select's defaultValue. Use it when it
  // selects exactly the options the macro would; otherwise mark each option.
  const multiple = Boolean(selectProps.multiple);
  const chosen = options.filter((option) => option.selected).map((option) => option.submitted);
  const candidate = multiple ? chosen : chosen[chosen.length - 1];
  const reproduces =
    chosen.length === 0 || (multiple ? options.every((option) => option.selected === chosen.includes(option.submitted)) : options.every((option) => option.selected === (option.submitted === candidate)));
  const selectDefault = chosen.length && reproduces ? { defaultValue: candidate } : {};

  return (
    <FormGroupWrapper formGroup={formGroup} error={Boolean(errorMessage)}>
      <Label html={label?.html ?? label?.children} text={label?.text} classes={label?.classes} isPageHeading={label?.isPageHeading} attributes={label?.attributes} for={id} />
      {hintNode}
      {errorNode}
      {slotContent(formGroup?.beforeInput)}
      <select {...selectProps} {...selectDefault}>
        {options.map(({ index, item, selected, optionValue }) => (
          <option
            key={index}
            {...mergeProps({ value: optionValue, selected: selected && !reproduces ? true : undefined, disabled: item.disabled ? true : undefined }, attributeProps(item.attributes))}
          >
            {item.text}
          </option>
        ))}
      </select>
      {slotContent(formGroup?.afterInput)}
    </FormGroupWrapper>
  );
}

import type { ReactNode } from "react";
import { Fieldset, type FieldsetProps } from "./Fieldset";
import { FormGroupWrapper, hintAndError, slotContent, type ErrorMessageOption, type FormGroupInputsOptions, type HintOption } from "./FormGroup";
import { Input } from "./Input";
import { attributeProps, cx, looseEquals, mergeProps, nunjucksIn, str, type Attributes } from "./shared";

export interface DateInputItem {
  /** Defaults to `<date input id>-<name>`. */
  id?: string;
  /** `day`, `month` or `year` for the standard fields. */
  name?: string;
  /** Defaults to the capitalised name. */
  label?: string;
  value?: string | number;
  /** Marks this field as in error (otherwise all fields are, when there is an error message). */
  error?: boolean;
  autocomplete?: string;
  pattern?: string;
  inputmode?: string;
  classes?: string;
  attributes?: Attributes;
}

export interface DateInputProps {
  id: string;
  /** Prefix for the field names: `namePrefix-day`… */
  namePrefix?: string;
  /** Fields; defaults to day, month and year. */
  items?: Array<DateInputItem | null | undefined | false>;
  hint?: HintOption;
  errorMessage?: ErrorMessageOption;
  formGroup?: FormGroupInputsOptions;
  fieldset?: Omit<FieldsetProps, "html" | "children" | "role"> | false | null;
  /** Overrides the default day field. */
  day?: DateInputItem;
  /** Overrides the default month field. */
  month?: DateInputItem;
  /** Overrides the default year field. */
  year?: DateInputItem;
  /** Values of the default fields, keyed by field name (with the name prefix, if any). */
  values?: Record<string, string | number | undefined>;
  classes?: string;
  attributes?: Attributes;
}

/** Nunjucks `capitalize`. */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

const hasErrorClass = (item: DateInputItem) => Boolean(item.classes && nunjucksIn("govuk-input--error", item.classes));

/** GOV.UK date input (govukDateInput). */
export function DateInput(props: DateInputProps) {
  const { id, namePrefix, hint, errorMessage, formGroup, fieldset, values, classes, attributes } = props;
  const day = props.day !== undefined ? props.day : { name: "day", value: values?.day, classes: "govuk-input--width-2" };
  const month = props.month !== undefined ? props.month : { name: "month", value: values?.month, classes: "govuk-input--width-2" };
  const year = props.year !== undefined ? props.year : { name: "year", value: values?.year, classes: "govuk-input--width-4" };
  const items = props.items?.length ? props.items : [day, month, year];
  const anyItemHasError = items.some((item) => item && (item.error || hasErrorClass(item)));
  const prefix = namePrefix ? `${namePrefix}-` : "";

  const renderItem = (item: DateInputItem, index: number) => {
    let itemName = item.name;
    let itemValue = item.value;
    let itemWidth = 2;
    let itemClasses = "";
    const itemHasError = Boolean(item.error || hasErrorClass(item));
    const isStandard = (standard: DateInputItem | undefined, standardName: string) => item === standard || Boolean(item.name && (item.name === standardName || item.name === standard?.name));
    if (isStandard(day, "day")) {
      itemName = item.name ?? "day";
      itemValue = item.value ?? day?.value;
    } else if (isStandard(month, "month")) {
      itemName = item.name ?? "month";
      itemValue = item.value ?? month?.value;
    } else if (isStandard(year, "year")) {
      itemName = item.name ?? "year";
      itemValue = item.value ?? year?.value;
      itemWidth = 4;
    }
    if (!hasErrorClass(item) && (itemHasError || (!looseEquals(item.error, false) && errorMessage && !anyItemHasError))) {
      itemClasses = cx(itemClasses, "govuk-input--error");
    }
    if (!item.classes || !nunjucksIn("govuk-input--width-", item.classes)) {
      itemClasses = cx(itemClasses, `govuk-input--width-${itemWidth}`);
    }
    if (item.classes) itemClasses = cx(itemClasses, item.classes);
    const name = prefix + str(itemName);
    return (
      <div key={index} className="govuk-date-input__item">
        <Input
          label={{ text: item.label ? item.label : capitalize(str(itemName)), classes: "govuk-date-input__label" }}
          id={item.id ? item.id : `${str(id)}-${str(itemName)}`}
          classes={cx("govuk-date-input__input", itemClasses)}
          name={name}
          value={itemValue ?? values?.[name]}
          type="text"
          inputmode={item.inputmode ? item.inputmode : "numeric"}
          autocomplete={item.autocomplete}
          pattern={item.pattern}
          attributes={item.attributes}
        />
      </div>
    );
  };

  const { hintNode, errorNode, describedBy } = hintAndError(str(id), hint, errorMessage, (fieldset && fieldset.describedBy) || undefined);
  const inner: ReactNode = (
    <>
      {hintNode}
      {errorNode}
      <div {...mergeProps({ className: cx("govuk-date-input", classes) }, attributeProps(attributes), { id: id || undefined })}>
        {slotContent(formGroup?.beforeInputs)}
        {items.map((item, index) => (item ? renderItem(item, index) : null))}
        {slotContent(formGroup?.afterInputs)}
      </div>
    </>
  );
  return (
    <FormGroupWrapper formGroup={formGroup} error={Boolean(errorMessage)}>
      {fieldset ? (
        <Fieldset describedBy={describedBy} classes={fieldset.classes} role="group" attributes={fieldset.attributes} legend={fieldset.legend}>
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </FormGroupWrapper>
  );
}

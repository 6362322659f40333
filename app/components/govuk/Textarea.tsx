import { FormGroupWrapper, hintAndError, slotContent, type ErrorMessageOption, type FormGroupOptions, type HintOption } from "./FormGroup";
import { Label, type LabelProps } from "./Label";
import { attributeProps, cx, mergeProps, str, type Attributes } from "./shared";

export interface TextareaProps {
  /** Defaults to `name`. */
  id?: string;
  name: string;
  spellcheck?: boolean;
  /** Defaults to 5. */
  rows?: string | number;
  value?: string;
  disabled?: boolean;
  describedBy?: string;
  label?: Omit<LabelProps, "for">;
  hint?: HintOption;
  errorMessage?: ErrorMessageOption;
  formGroup?: FormGroupOptions;
  classes?: string;
  autocomplete?: string;
  attributes?: Attributes;
}

/** GOV.UK textarea (govukTextarea). */
export function Textarea(props: TextareaProps) {
  const { name, spellcheck, rows, value, disabled, label, hint, errorMessage, formGroup, classes, autocomplete, attributes } = props;
  const id = props.id || name;
  const { hintNode, errorNode, describedBy } = hintAndError(id, hint, errorMessage, props.describedBy || undefined);
  const textareaProps = mergeProps(
    {
      className: cx("govuk-textarea", errorMessage && "govuk-textarea--error", classes),
      id: str(id),
      name: str(name),
      rows: str(rows || 5),
      spellCheck: spellcheck === true || spellcheck === false ? String(spellcheck) : undefined,
      disabled: disabled ? true : undefined,
      "aria-describedby": describedBy,
      autoComplete: autocomplete || undefined,
    },
    attributeProps(attributes),
  );
  return (
    <FormGroupWrapper formGroup={formGroup} error={Boolean(errorMessage)}>
      <Label html={label?.html ?? label?.children} text={label?.text} classes={label?.classes} isPageHeading={label?.isPageHeading} attributes={label?.attributes} for={id} />
      {hintNode}
      {errorNode}
      {slotContent(formGroup?.beforeInput)}
      <textarea {...textareaProps} value={undefined} defaultValue={str(value)} />
      {slotContent(formGroup?.afterInput)}
    </FormGroupWrapper>
  );
}

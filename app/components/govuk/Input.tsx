import { FormGroupWrapper, hintAndError, slotContent, type ErrorMessageOption, type FormGroupOptions, type HintOption } from "./FormGroup";
import { Label, type LabelProps } from "./Label";
import { attributeProps, contentProps, cx, mergeProps, uncontrolled, type Attributes, type Html, type Text } from "./shared";

export interface InputAffix {
  text?: Text;
  html?: Html;
  classes?: string;
  attributes?: Attributes;
}

export interface InputProps {
  /** Defaults to `name`. */
  id?: string;
  name: string;
  /** Defaults to "text". */
  type?: string;
  inputmode?: string;
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  label?: Omit<LabelProps, "for">;
  hint?: HintOption;
  errorMessage?: ErrorMessageOption;
  prefix?: InputAffix;
  suffix?: InputAffix;
  formGroup?: FormGroupOptions;
  classes?: string;
  autocomplete?: string;
  pattern?: string;
  spellcheck?: boolean;
  autocapitalize?: string;
  inputWrapper?: { classes?: string; attributes?: Attributes };
  attributes?: Attributes;
}

function Affix({ affix, type }: { affix: InputAffix; type: "prefix" | "suffix" }) {
  return (
    <div {...mergeProps({ className: cx(`govuk-input__${type}`, affix.classes), "aria-hidden": "true" }, attributeProps(affix.attributes))} {...contentProps(affix.html, affix.text)} />
  );
}

const hasSlot = (slot: { text?: Text; html?: Html } | undefined) => Boolean(slot && (slot.text || slot.html));

/** GOV.UK text input (govukInput). */
export function Input(props: InputProps) {
  const { name, type, inputmode, value, disabled, label, hint, errorMessage, prefix, suffix, formGroup, classes, autocomplete, pattern, spellcheck, autocapitalize, inputWrapper, attributes } = props;
  const id = props.id || name;
  const { hintNode, errorNode, describedBy } = hintAndError(id, hint, errorMessage, props.describedBy || undefined);
  const inputProps = mergeProps(
    attributeProps({
      class: cx("govuk-input", classes, errorMessage && "govuk-input--error"),
      id,
      name,
      type: type || "text",
      spellcheck: { value: spellcheck === true || spellcheck === false ? String(spellcheck) : false, optional: true },
      value: { value, optional: true },
      disabled: { value: disabled, optional: true },
      "aria-describedby": { value: describedBy, optional: true },
      autocomplete: { value: autocomplete, optional: true },
      autocapitalize: { value: autocapitalize, optional: true },
      pattern: { value: pattern, optional: true },
      inputmode: { value: inputmode, optional: true },
    }),
    attributeProps(attributes),
  );
  const input = <input {...uncontrolled(inputProps)} />;
  const wrapped = hasSlot(prefix) || hasSlot(suffix) || hasSlot(formGroup?.beforeInput) || hasSlot(formGroup?.afterInput);
  return (
    <FormGroupWrapper formGroup={formGroup} error={Boolean(errorMessage)}>
      <Label html={label?.html ?? label?.children} text={label?.text} classes={label?.classes} isPageHeading={label?.isPageHeading} attributes={label?.attributes} for={id} />
      {hintNode}
      {errorNode}
      {wrapped ? (
        <div {...mergeProps({ className: cx("govuk-input__wrapper", inputWrapper?.classes) }, attributeProps(inputWrapper?.attributes))}>
          {hasSlot(formGroup?.beforeInput) ? slotContent(formGroup?.beforeInput) : null}
          {hasSlot(prefix) ? <Affix affix={prefix!} type="prefix" /> : null}
          {input}
          {hasSlot(suffix) ? <Affix affix={suffix!} type="suffix" /> : null}
          {hasSlot(formGroup?.afterInput) ? slotContent(formGroup?.afterInput) : null}
        </div>
      ) : (
        input
      )}
    </FormGroupWrapper>
  );
}


import type { ReactNode } from "react";
import { ErrorMessage, type ErrorMessageProps } from "./ErrorMessage";
import { Hint, type HintProps } from "./Hint";
import { attributeProps, content, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

/** Text or HTML placed before or after the field(s) of a form group. */
export interface FormGroupSlot {
  text?: Text;
  html?: Html;
}

export interface FormGroupOptions {
  classes?: string;
  attributes?: Attributes;
  beforeInput?: FormGroupSlot;
  afterInput?: FormGroupSlot;
}

/** `formGroup` of the fields that hold several inputs (radios, checkboxes, date input). */
export interface FormGroupInputsOptions {
  classes?: string;
  attributes?: Attributes;
  beforeInputs?: FormGroupSlot;
  afterInputs?: FormGroupSlot;
}

/** `errorMessage` option: the macros treat any falsy value as "no error". */
export type ErrorMessageOption = Omit<ErrorMessageProps, "id"> | false | null | undefined;

/** `hint` option of a field. */
export type HintOption = Omit<HintProps, "id"> | false | null | undefined;

/** The `<div class="govuk-form-group">` around a field. */
export function FormGroupWrapper({ formGroup, error, children }: { formGroup?: { classes?: string; attributes?: Attributes }; error: boolean; children: ReactNode }) {
  return (
    <div {...mergeProps({ className: cx("govuk-form-group", error && "govuk-form-group--error", formGroup?.classes) }, attributeProps(formGroup?.attributes))}>{children}</div>
  );
}

/** The content of a `beforeInput`/`afterInput` slot, when given. */
export function slotContent(slot: FormGroupSlot | null | undefined): ReactNode {
  return slot ? content(slot.html, slot.text) : null;
}

/** Hint and error message of a field, and the `aria-describedby` they add up to. */
export function hintAndError(idBase: string, hint: HintOption, errorMessage: ErrorMessageOption, describedBy: string | undefined) {
  const ids: string[] = describedBy ? [describedBy] : [];
  let hintNode: ReactNode = null;
  let errorNode: ReactNode = null;
  if (hint) {
    const hintId = `${idBase}-hint`;
    ids.push(hintId);
    hintNode = <Hint id={hintId} classes={hint.classes} attributes={hint.attributes} html={hint.html ?? hint.children} text={hint.text} />;
  }
  if (errorMessage) {
    const errorId = `${idBase}-error`;
    ids.push(errorId);
    errorNode = (
      <ErrorMessage
        id={errorId}
        classes={errorMessage.classes}
        attributes={errorMessage.attributes}
        html={errorMessage.html ?? errorMessage.children}
        text={errorMessage.text}
        visuallyHiddenText={errorMessage.visuallyHiddenText}
      />
    );
  }
  return { hintNode, errorNode, describedBy: ids.join(" ") || undefined };
}

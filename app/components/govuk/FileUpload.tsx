import { i18nAttributes, type PluralMessages } from "./CharacterCount";
import { FormGroupWrapper, hintAndError, slotContent, type ErrorMessageOption, type FormGroupOptions, type HintOption } from "./FormGroup";
import { Label, type LabelProps } from "./Label";
import { attributeProps, cx, mergeProps, str, type Attributes } from "./shared";

export interface FileUploadProps {
  name: string;
  /** Defaults to `name`. */
  id?: string;
  disabled?: boolean;
  multiple?: boolean;
  describedBy?: string;
  label?: Omit<LabelProps, "for">;
  hint?: HintOption;
  errorMessage?: ErrorMessageOption;
  formGroup?: FormGroupOptions;
  /** Use the enhanced (drop zone) file upload when JavaScript is available. */
  javascript?: boolean;
  chooseFilesButtonText?: string;
  dropInstructionText?: string;
  multipleFilesChosenText?: PluralMessages;
  noFileChosenText?: string;
  enteredDropZoneText?: string;
  leftDropZoneText?: string;
  classes?: string;
  attributes?: Attributes;
  wrapperClasses?: string;
  wrapperAttributes?: Attributes;
}

/** GOV.UK file upload (govukFileUpload). */
export function FileUpload(props: FileUploadProps) {
  const { name, disabled, multiple, label, hint, errorMessage, formGroup, javascript, classes, attributes } = props;
  const id = props.id || name;
  const { hintNode, errorNode, describedBy } = hintAndError(id, hint, errorMessage, props.describedBy || undefined);
  const input = (
    <input
      {...mergeProps(
        {
          className: cx("govuk-file-upload", classes, errorMessage && "govuk-file-upload--error"),
          id: str(id),
          name: str(name),
          type: "file",
          disabled: disabled ? true : undefined,
          multiple: multiple ? true : undefined,
          "aria-describedby": describedBy,
        },
        attributeProps(attributes),
      )}
    />
  );
  return (
    <FormGroupWrapper formGroup={formGroup} error={Boolean(errorMessage)}>
      <Label html={label?.html ?? label?.children} text={label?.text} classes={label?.classes} isPageHeading={label?.isPageHeading} attributes={label?.attributes} for={id} />
      {hintNode}
      {errorNode}
      {slotContent(formGroup?.beforeInput)}
      {javascript ? (
        <div
          {...mergeProps(
            { className: cx("govuk-file-upload-wrapper", props.wrapperClasses), "data-module": "govuk-file-upload" },
            attributeProps({
              ...i18nAttributes("choose-files-button", props.chooseFilesButtonText),
              ...i18nAttributes("no-file-chosen", props.noFileChosenText),
              ...i18nAttributes("multiple-files-chosen", undefined, props.multipleFilesChosenText),
              ...i18nAttributes("drop-instruction", props.dropInstructionText),
              ...i18nAttributes("entered-drop-zone", props.enteredDropZoneText),
              ...i18nAttributes("left-drop-zone", props.leftDropZoneText),
            }),
            attributeProps(props.wrapperAttributes),
          )}
        >
          {input}
        </div>
      ) : (
        input
      )}
      {slotContent(formGroup?.afterInput)}
    </FormGroupWrapper>
  );
}

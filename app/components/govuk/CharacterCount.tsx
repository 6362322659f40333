import { type ErrorMessageOption, type FormGroupOptions, type HintOption } from "./FormGroup";
import { Hint } from "./Hint";
import type { LabelProps } from "./Label";
import { Textarea } from "./Textarea";
import { content, str, type Attributes } from "./shared";

/** Translations by plural rule (`one`, `other`, …), with `%{count}` placeholders. */
export type PluralMessages = Partial<Record<"zero" | "one" | "two" | "few" | "many" | "other", string>>;

export interface CharacterCountProps {
  /** Defaults to `name`. */
  id?: string;
  name: string;
  rows?: string | number;
  value?: string;
  /** Maximum number of characters (give this or `maxwords`). */
  maxlength?: string | number;
  /** Maximum number of words (give this or `maxlength`). */
  maxwords?: string | number;
  /** Percentage of the limit at which the count message appears. */
  threshold?: string | number;
  /** `words` or `characters`; defaults from `maxwords`/`maxlength`. */
  countType?: string;
  label?: Omit<LabelProps, "for">;
  hint?: HintOption;
  errorMessage?: ErrorMessageOption;
  formGroup?: FormGroupOptions;
  classes?: string;
  attributes?: Attributes;
  spellcheck?: boolean;
  countMessage?: { classes?: string };
  textareaDescriptionText?: string;
  charactersUnderLimitText?: PluralMessages;
  charactersAtLimitText?: string;
  charactersOverLimitText?: PluralMessages;
  wordsUnderLimitText?: PluralMessages;
  wordsAtLimitText?: string;
  wordsOverLimitText?: PluralMessages;
}

/** `data-i18n.*` attributes, as govukI18nAttributes writes them. */
export function i18nAttributes(key: string, message: string | undefined, messages?: Record<string, string | undefined>): Attributes {
  const attributes: Attributes = {};
  if (messages) {
    for (const [pluralRule, text] of Object.entries(messages)) attributes[`data-i18n.${key}.${pluralRule}`] = str(text);
  } else if (message) {
    attributes[`data-i18n.${key}`] = message;
  }
  return attributes;
}

/** GOV.UK character count (govukCharacterCount): a textarea that counts characters or words. */
export function CharacterCount(props: CharacterCountProps) {
  const { name, rows, value, maxlength, maxwords, threshold, label, hint, errorMessage, formGroup, classes, attributes, spellcheck, countMessage, textareaDescriptionText } = props;
  const countType = props.countType ? props.countType : maxwords ? "words" : undefined;
  const hasNoLimit = !maxwords && !maxlength;
  const limit = maxwords || maxlength;
  const descriptionTemplate = textareaDescriptionText || `You can enter up to %{count} ${countType === "words" ? "words" : "characters"}`;
  const description = hasNoLimit ? undefined : descriptionTemplate.replaceAll("%{count}", str(limit));
  const id = props.id || name;

  const formGroupAttributes: Attributes = {
    "data-module": "govuk-character-count",
    "data-maxlength": { value: maxlength, optional: true },
    "data-maxwords": { value: maxwords, optional: true },
    "data-threshold": { value: threshold, optional: true },
    "data-count-type": { value: countType ? countType : false, optional: true },
    ...(hasNoLimit && textareaDescriptionText ? i18nAttributes("textarea-description", undefined, { other: textareaDescriptionText }) : {}),
    ...i18nAttributes("characters-under-limit", undefined, props.charactersUnderLimitText),
    ...i18nAttributes("characters-at-limit", props.charactersAtLimitText),
    ...i18nAttributes("characters-over-limit", undefined, props.charactersOverLimitText),
    ...i18nAttributes("words-under-limit", undefined, props.wordsUnderLimitText),
    ...i18nAttributes("words-at-limit", props.wordsAtLimitText),
    ...i18nAttributes("words-over-limit", undefined, props.wordsOverLimitText),
  };
  // The macro appends form group attributes as plain `name="value"` pairs.
  for (const [attributeName, attributeValue] of Object.entries(formGroup?.attributes ?? {})) {
    if (!(attributeName in formGroupAttributes)) formGroupAttributes[attributeName] = str(attributeValue);
  }

  return (
    <Textarea
      id={id}
      name={name}
      describedBy={`${id}-info`}
      rows={rows}
      spellcheck={spellcheck}
      value={value}
      formGroup={{
        classes: ["govuk-character-count", formGroup?.classes].filter(Boolean).join(" "),
        attributes: formGroupAttributes,
        beforeInput: formGroup?.beforeInput,
        afterInput: {
          html: (
            <>
              <Hint text={description} id={`${id}-info`} classes={["govuk-character-count__message", countMessage?.classes].filter(Boolean).join(" ")} />
              {formGroup?.afterInput ? content(formGroup.afterInput.html, formGroup.afterInput.text) : null}
            </>
          ),
        },
      }}
      classes={["govuk-js-character-count", classes].filter(Boolean).join(" ")}
      label={label}
      hint={hint}
      errorMessage={errorMessage}
      attributes={attributes}
    />
  );
}

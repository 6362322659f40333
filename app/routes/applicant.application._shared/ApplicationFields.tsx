import { Fragment, type ReactNode } from "react";
import { QuestionFields } from "~/components/eoi/QuestionFields";
import { Button, CharacterCount, Checkboxes, DateInput, Input, Radios, Textarea } from "~/components/govuk";
import { typedDate } from "~/domain/application/form";
import { quarterOfField } from "~/domain/application/programme";
import type { ApplicationQuestion, FieldQuestion, PlainQuestion, RowsQuestion } from "~/domain/application/sections";
import { fieldId } from "~/domain/eoi/sections";

// R-51 Renders a page of the detailed application from the section data (the data the server
// validates). Plain questions are stage 1's QuestionFields; this adds GOV.UK date inputs and
// add-another rows whose fields include dates and the budget's amounts by quarter. Follow-up
// questions follow the question they depend on, with a hint, rather than conditional reveals
// (docs/decisions/0005-no-conditional-reveals.md). Works the same without JavaScript.

export interface ApplicationFieldContext {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

export function ApplicationFields({ questions, ctx }: { questions: readonly ApplicationQuestion[]; ctx: ApplicationFieldContext }) {
  // Runs of plain questions go to stage 1's renderer together, so its follow-up hints can name their controller.
  const groups: Array<{ plain: PlainQuestion[] } | { question: ApplicationQuestion }> = [];
  for (const question of questions) {
    if (question.kind === "date" || question.kind === "add-another") groups.push({ question });
    else {
      const last = groups.at(-1);
      if (last && "plain" in last) last.plain.push(question);
      else groups.push({ plain: [question] });
    }
  }
  return (
    <>
      {groups.map((group, index) =>
        "plain" in group ? (
          <QuestionFields key={index} questions={group.plain} ctx={{ values: ctx.values, errors: ctx.errors, wordBudget: {} }} />
        ) : group.question.kind === "add-another" ? (
          <Rows key={index} question={group.question} siblings={questions} ctx={ctx} />
        ) : (
          <DateField key={index} question={group.question} id={group.question.name} value={ctx.values[group.question.name]} error={ctx.errors[group.question.name]} top />
        ),
      )}
    </>
  );
}

function DateField({ question, id, value, error, top }: { question: { label: string; hint?: string }; id: string; value: unknown; error?: string; top?: boolean }) {
  const typed = typedDate(value);
  return (
    <DateInput
      id={id}
      namePrefix={id}
      fieldset={{ legend: { text: question.label, classes: top ? "govuk-fieldset__legend--s" : undefined } }}
      hint={question.hint ? { text: question.hint } : undefined}
      errorMessage={error ? { text: error } : undefined}
      values={{ [`${id}-day`]: typed.day, [`${id}-month`]: typed.month, [`${id}-year`]: typed.year }}
    />
  );
}

/** "Answer this if you selected ‘Another source’." for a follow-up in a row. */
function followUpHint(field: FieldQuestion, siblings: readonly FieldQuestion[]): string | undefined {
  if (!field.shownWhen) return field.hint;
  const controller = siblings.find((s) => s.name === field.shownWhen!.field);
  const options = controller && (controller.kind === "radios" || controller.kind === "checkboxes") ? controller.options : [];
  const chosen = field.shownWhen.oneOf.map((value) => options.find((o) => o.value === value)?.text ?? value);
  const when = `Answer this if you selected ${chosen.map((text) => `‘${text}’`).join(" or ")}.`;
  return field.hint ? `${when} ${field.hint}` : when;
}

function RowField({ field, id, value, siblings, error }: { field: FieldQuestion; id: string; value: unknown; siblings: readonly FieldQuestion[]; error?: string }): ReactNode {
  const hintText = followUpHint(field, siblings);
  const hint = hintText ? { text: hintText } : undefined;
  const errorMessage = error ? { text: error } : undefined;
  switch (field.kind) {
    case "date":
      return <DateField question={{ label: field.label, hint: hintText }} id={id} value={value} error={error} />;
    case "money":
      return <Input id={id} name={id} label={{ text: field.label }} hint={hint} value={str(value)} prefix={{ text: "£" }} classes="govuk-input--width-10" spellcheck={false} errorMessage={errorMessage} />;
    case "textarea":
      return field.wordLimit ? (
        <CharacterCount id={id} name={id} label={{ text: field.label }} hint={hint} value={str(value)} maxwords={field.wordLimit} rows={4} errorMessage={errorMessage} />
      ) : (
        <Textarea id={id} name={id} label={{ text: field.label }} hint={hint} value={str(value)} rows={4} errorMessage={errorMessage} />
      );
    case "radios":
      return (
        <Radios
          idPrefix={id}
          name={id}
          classes={field.options.length <= 3 ? "govuk-radios--inline" : undefined}
          fieldset={{ legend: { text: field.label } }}
          hint={hint}
          errorMessage={errorMessage}
          items={field.options.map((o) => ({ value: o.value, text: o.text, checked: value === o.value }))}
        />
      );
    case "checkboxes": {
      const chosen = Array.isArray(value) ? (value as unknown[]) : [];
      return <Checkboxes idPrefix={id} name={id} fieldset={{ legend: { text: field.label } }} hint={hint} errorMessage={errorMessage} items={field.options.map((o) => ({ value: o.value, text: o.text, checked: chosen.includes(o.value) }))} />;
    }
    default:
      return <Input id={id} name={id} type={field.kind === "email" || field.kind === "tel" ? field.kind : "text"} label={{ text: field.label }} hint={hint} value={str(value)} errorMessage={errorMessage} />;
  }
}

function Rows({ question, siblings, ctx }: { question: RowsQuestion; siblings: readonly ApplicationQuestion[]; ctx: ApplicationFieldContext }) {
  const id = fieldId([question.name]);
  const rows = Array.isArray(ctx.values[question.name]) ? (ctx.values[question.name] as Array<Record<string, unknown>>) : [];
  const itemTitle = question.itemName.replace(/^./, (c) => c.toUpperCase());
  const controller = question.shownWhen ? siblings.find((s) => s.name === question.shownWhen!.field) : undefined;
  const shownWhenText =
    question.shownWhen && controller && controller.kind === "radios"
      ? `Answer this if you selected ${question.shownWhen.oneOf.map((v) => `‘${controller.options.find((o) => o.value === v)?.text ?? v}’`).join(" or ")}.`
      : null;
  const quarterFields = question.fields.filter((f) => quarterOfField(f.name));
  const otherFields = question.fields.filter((f) => !quarterOfField(f.name));
  return (
    <div className="govuk-form-group app-add-another" id={id}>
      <h2 className="govuk-heading-m">{question.label}</h2>
      {shownWhenText || question.hint ? <p className="govuk-hint">{[shownWhenText, question.hint].filter(Boolean).join(" ")}</p> : null}
      {ctx.errors[id] ? (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {ctx.errors[id]}
        </p>
      ) : null}
      <input type="hidden" name={`${id}-rows`} value={rows.length} />
      {rows.map((row, index) => {
        const rowId = fieldId([question.name, index]);
        return (
          <fieldset key={index} className="govuk-fieldset app-add-another__item" id={rowId}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              {itemTitle} {index + 1}
            </legend>
            {otherFields.map((field) => (
              <Fragment key={field.name}>
                <RowField field={field} id={fieldId([question.name, index, field.name])} value={row[field.name]} siblings={question.fields} error={ctx.errors[fieldId([question.name, index, field.name])]} />
              </Fragment>
            ))}
            {quarterFields.length ? (
              <div className="govuk-form-group">
                <fieldset className="govuk-fieldset" aria-describedby={`${rowId}-quarters-hint`}>
                  <legend className="govuk-fieldset__legend">Spend by quarter</legend>
                  <p className="govuk-hint" id={`${rowId}-quarters-hint`}>
                    The amounts must add up to the line’s total. Leave a quarter blank if nothing is spent in it.
                  </p>
                  {quarterFields.map((field) => (
                    <RowField key={field.name} field={{ ...field, hint: undefined }} id={fieldId([question.name, index, field.name])} value={row[field.name]} siblings={question.fields} error={ctx.errors[fieldId([question.name, index, field.name])]} />
                  ))}
                </fieldset>
              </div>
            ) : null}
            <Button text={`Remove ${question.itemName} ${index + 1}`} name="intent" value={`remove:${question.name}:${index}`} classes="govuk-button--warning govuk-!-margin-bottom-4" />
          </fieldset>
        );
      })}
      {rows.length < question.maxItems ? <Button text={rows.length === 0 ? `Add a ${question.itemName}` : `Add another ${question.itemName}`} name="intent" value={`add:${question.name}`} classes="govuk-button--secondary" /> : null}
    </div>
  );
}

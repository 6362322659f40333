import type { ReactNode } from "react";
import { Button, CharacterCount, Checkboxes, Input, Radios, Textarea } from "~/components/govuk";
import { fieldId, type Question } from "~/domain/eoi/sections";

export interface FieldContext {
  /** Saved or posted values of the page, by question name. */
  values: Record<string, unknown>;
  /** Error messages by field id. */
  errors: Record<string, string>;
  /** R-32 For each written answer of sections 2 to 9: the most words it can have within the shared 1,000. */
  wordBudget: Record<string, number>;
}

const str = (value: unknown) => (typeof value === "string" ? value : "");
const errorFor = (ctx: FieldContext, id: string) => (ctx.errors[id] ? { text: ctx.errors[id] } : undefined);

/**
 * Renders a question page from the section data: the same data the server validates.
 * A follow-up question ("shown when") follows the question it depends on, with a hint saying
 * when to answer it, rather than inside a GOV.UK conditional reveal: see
 * docs/decisions/0005-no-conditional-reveals.md.
 */
export function QuestionFields({ questions, ctx }: { questions: readonly Question[]; ctx: FieldContext }) {
  return (
    <>
      {questions.map((q) => (
        <Field key={q.name} question={q} path={[q.name]} values={ctx.values} siblings={questions} ctx={ctx} />
      ))}
    </>
  );
}

/** "Answer this if you selected ‘Yes’." for a follow-up question. */
function followUpHint(question: Question, siblings: readonly Question[]): string | undefined {
  if (!question.shownWhen) return question.hint;
  const controller = siblings.find((s) => s.name === question.shownWhen!.field);
  const options = controller && (controller.kind === "radios" || controller.kind === "checkboxes") ? controller.options : [];
  const chosen = question.shownWhen.oneOf.map((value) => options.find((o) => o.value === value)?.text ?? value);
  const when = `Answer this if you selected ${chosen.map((text) => `‘${text}’`).join(" or ")}.`;
  return question.hint ? `${when} ${question.hint}` : when;
}

function Field({ question, path, values, siblings, ctx }: { question: Question; path: Array<string | number>; values: Record<string, unknown>; siblings: readonly Question[]; ctx: FieldContext }): ReactNode {
  const id = fieldId(path);
  const value = values[question.name];
  const label = { text: question.label, classes: path.length === 1 ? "govuk-label--s" : undefined };
  const hintText = followUpHint(question, siblings);
  const hint = hintText ? { text: hintText } : undefined;

  switch (question.kind) {
    case "text":
    case "email":
    case "tel":
      return (
        <Input
          id={id}
          name={id}
          type={question.kind === "text" ? "text" : question.kind}
          label={label}
          hint={hint}
          value={str(value)}
          autocomplete={question.autocomplete}
          spellcheck={question.kind === "email" ? false : undefined}
          errorMessage={errorFor(ctx, id)}
        />
      );
    case "year":
      return <Input id={id} name={id} label={label} hint={hint} value={str(value)} inputmode="numeric" classes="govuk-input--width-4" errorMessage={errorFor(ctx, id)} />;
    case "money":
      return <Input id={id} name={id} label={label} hint={hint ?? { text: "For example, £12,345 or £12,345.50" }} value={str(value)} prefix={{ text: "£" }} classes="govuk-input--width-10" spellcheck={false} errorMessage={errorFor(ctx, id)} />;
    case "textarea": {
      const budget = question.wordLimit ?? ctx.wordBudget[question.name];
      if (budget !== undefined) {
        return <CharacterCount id={id} name={id} label={label} hint={hint} value={str(value)} maxwords={Math.max(budget, 1)} rows={8} errorMessage={errorFor(ctx, id)} />;
      }
      return <Textarea id={id} name={id} label={label} hint={hint} value={str(value)} rows={6} errorMessage={errorFor(ctx, id)} />;
    }
    case "radios":
      return (
        <Radios
          idPrefix={id}
          name={id}
          fieldset={{ legend: { text: question.label, classes: path.length === 1 ? "govuk-fieldset__legend--s" : undefined } }}
          hint={hint}
          errorMessage={errorFor(ctx, id)}
          items={[
            ...question.options.map((o) => ({ value: o.value, text: o.text, hint: o.hint ? { text: o.hint } : undefined, checked: value === o.value})),
            ...(question.noneOption ? [{ divider: "or" }, { value: question.noneOption.value, text: question.noneOption.text, checked: value === question.noneOption.value }] : []),
          ]}
        />
      );
    case "checkboxes": {
      const chosen = Array.isArray(value) ? (value as unknown[]) : [];
      return (
        <Checkboxes
          idPrefix={id}
          name={id}
          fieldset={{ legend: { text: question.label, classes: path.length === 1 ? "govuk-fieldset__legend--s" : undefined } }}
          hint={hint}
          errorMessage={errorFor(ctx, id)}
          items={question.options.map((o) => ({ value: o.value, text: o.text, hint: o.hint ? { text: o.hint } : undefined, checked: chosen.includes(o.value)}))}
        />
      );
    }
    case "add-another": {
      const rows = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
      const itemTitle = question.itemName.replace(/^./, (c) => c.toUpperCase());
      return (
        <div className="govuk-form-group app-add-another" id={id}>
          <h2 className="govuk-heading-m">{question.label}</h2>
          {question.hint ? <p className="govuk-hint">{question.hint}</p> : null}
          {ctx.errors[id] ? <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {ctx.errors[id]}</p> : null}
          <input type="hidden" name={`${id}-rows`} value={rows.length} />
          {rows.map((row, index) => {
            const rowPath = [...path, index];
            return (
              <fieldset key={index} className="govuk-fieldset app-add-another__item" id={fieldId(rowPath)}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {itemTitle} {index + 1}
                </legend>
                {question.fields.map((f) => (
                    <Field key={f.name} question={f} path={[...rowPath, f.name]} values={row} siblings={question.fields} ctx={ctx} />
                  ))}
                <Button text={`Remove ${question.itemName} ${index + 1}`} name="intent" value={`remove:${question.name}:${index}`} classes="govuk-button--warning govuk-!-margin-bottom-4" />
              </fieldset>
            );
          })}
          {rows.length < question.maxItems ? <Button text={rows.length === 0 ? `Add a ${question.itemName}` : `Add another ${question.itemName}`} name="intent" value={`add:${question.name}`} classes="govuk-button--secondary" /> : null}
        </div>
      );
    }
  }
}

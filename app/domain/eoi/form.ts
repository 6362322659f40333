// R-34 Turning a posted question page into saved answers, exactly as typed, and the
// add-another buttons (add a row, remove a row) that work without JavaScript.
import { fieldId, type Question, type SectionAnswers } from "~/domain/eoi/sections";

type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };

const text = (value: unknown): string | undefined => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : undefined);

function readQuestion(question: Question, form: FormLike, path: Array<string | number>): unknown {
  const id = fieldId(path);
  switch (question.kind) {
    case "checkboxes":
      return form.getAll(id).filter((v): v is string => typeof v === "string");
    case "add-another": {
      const count = Math.max(0, Math.min(question.maxItems, Number(text(form.get(`${id}-rows`)) ?? 0) || 0));
      return Array.from({ length: count }, (_, row) => readRow(question.fields, form, [...path, row]));
    }
    default:
      return text(form.get(id));
  }
}

function readRow(fields: readonly Question[], form: FormLike, path: Array<string | number>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const field of fields) {
    const value = readQuestion(field, form, [...path, field.name]);
    if (value !== undefined) row[field.name] = value;
  }
  return row;
}

/** The answers on one page; a radio left unchosen is absent rather than blank. */
export function readPageAnswers(questions: readonly Question[], form: FormLike): SectionAnswers {
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    const value = readQuestion(question, form, [question.name]);
    if (value !== undefined) answers[question.name] = value;
  }
  return answers;
}

export type PageIntent = { kind: "save" } | { kind: "add"; question: string } | { kind: "remove"; question: string; row: number };

/** The button pressed: "Save and continue", "Add another …" or "Remove" on a row. */
export function readIntent(value: unknown): PageIntent {
  if (typeof value !== "string") return { kind: "save" };
  const [kind, question, row] = value.split(":");
  if (kind === "add" && question) return { kind: "add", question };
  if (kind === "remove" && question && Number.isInteger(Number(row))) return { kind: "remove", question, row: Number(row) };
  return { kind: "save" };
}

/** Applies an add-another button to the page's answers. */
export function applyIntent(questions: readonly Question[], answers: SectionAnswers, intent: PageIntent): SectionAnswers {
  if (intent.kind === "save") return answers;
  const question = questions.find((q) => q.name === intent.question && q.kind === "add-another");
  if (!question || question.kind !== "add-another") return answers;
  const rows = Array.isArray(answers[question.name]) ? [...(answers[question.name] as unknown[])] : [];
  if (intent.kind === "add" && rows.length < question.maxItems) rows.push({});
  if (intent.kind === "remove") rows.splice(intent.row, 1);
  return { ...answers, [question.name]: rows };
}

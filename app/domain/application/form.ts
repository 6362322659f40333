// R-51 (with stage 1's R-34 guarantees) Turning a posted page of the detailed application into
// saved answers, exactly as typed, and the add-another buttons that work without JavaScript.
// Stage 1's reader (app/domain/eoi/form.ts) reads every kind but dates; the intents are its own.

import { fieldId } from "~/domain/eoi/sections";
import { readIntent, type PageIntent } from "~/domain/eoi/form";
import type { ApplicationQuestion, ApplicationSectionAnswers, FieldQuestion } from "./sections";

export { readIntent, type PageIntent };

type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };

const text = (value: unknown): string | undefined => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : undefined);

/** A date as typed in its three boxes; absent when none of them was posted. */
export interface TypedDate {
  day: string;
  month: string;
  year: string;
}

function readField(question: FieldQuestion, form: FormLike, id: string): unknown {
  switch (question.kind) {
    case "checkboxes":
      return form.getAll(id).filter((v): v is string => typeof v === "string");
    case "date": {
      const parts = { day: text(form.get(`${id}-day`)), month: text(form.get(`${id}-month`)), year: text(form.get(`${id}-year`)) };
      if (parts.day === undefined && parts.month === undefined && parts.year === undefined) return undefined;
      return { day: parts.day ?? "", month: parts.month ?? "", year: parts.year ?? "" } satisfies TypedDate;
    }
    default:
      return text(form.get(id));
  }
}

function readQuestion(question: ApplicationQuestion, form: FormLike): unknown {
  const id = fieldId([question.name]);
  if (question.kind !== "add-another") return readField(question, form, id);
  const count = Math.max(0, Math.min(question.maxItems, Number(text(form.get(`${id}-rows`)) ?? 0) || 0));
  return Array.from({ length: count }, (_, row) => {
    const values: Record<string, unknown> = {};
    for (const field of question.fields) {
      const value = readField(field, form, fieldId([question.name, row, field.name]));
      if (value !== undefined) values[field.name] = value;
    }
    return values;
  });
}

/** The answers on one page; a radio left unchosen is absent rather than blank. */
export function readApplicationPage(questions: readonly ApplicationQuestion[], form: FormLike): ApplicationSectionAnswers {
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    const value = readQuestion(question, form);
    if (value !== undefined) answers[question.name] = value;
  }
  return answers;
}

/** Applies an add-another button ("Add another milestone", "Remove risk 2") to a page's answers. */
export function applyApplicationIntent(questions: readonly ApplicationQuestion[], answers: ApplicationSectionAnswers, intent: PageIntent): ApplicationSectionAnswers {
  if (intent.kind === "save") return answers;
  const question = questions.find((q) => q.name === intent.question);
  if (!question || question.kind !== "add-another") return answers;
  const rows = Array.isArray(answers[question.name]) ? [...(answers[question.name] as unknown[])] : [];
  if (intent.kind === "add" && rows.length < question.maxItems) rows.push({});
  if (intent.kind === "remove") rows.splice(intent.row, 1);
  return { ...answers, [question.name]: rows };
}

/** A saved date's three parts, whatever was saved. */
export function typedDate(value: unknown): TypedDate {
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const part = (name: string) => (typeof record[name] === "string" ? (record[name] as string) : "");
  return { day: part("day"), month: part("month"), year: part("year") };
}

/** An ISO date as the three boxes show it: "2009-09-30" → { day: "30", month: "9", year: "2009" }. */
export function isoToTypedDate(iso: string): TypedDate {
  const [year, month, day] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? "" };
}

// R-51 R-52 How a detailed application's saved answers read: on "Check your answers", the
// programme manager's view of a version, and the PDFs. Stage 1's answerLines for the shared kinds.

import { formatDateLondon } from "~/domain/calendar";
import { parseDateInput } from "~/domain/date-input";
import { answerLines } from "~/domain/eoi/display";
import { answerRows } from "~/domain/eoi/sections";
import { formatMoney, parseMoney } from "~/domain/money";
import { typedDate } from "./form";
import { isShown, visibleApplicationAnswers, type ApplicationQuestion, type ApplicationSection, type ApplicationSectionAnswers, type FieldQuestion } from "./sections";

/** A date as the officer typed it: "30 September 2009", or the three boxes as typed when not a real date. */
export function dateText(value: unknown): string {
  const typed = typedDate(value);
  if (!typed.day && !typed.month && !typed.year) return "";
  const parsed = parseDateInput(typed, "date");
  return parsed.ok ? formatDateLondon(parsed.date) : `${typed.day}/${typed.month}/${typed.year}`;
}

function fieldLines(question: FieldQuestion, value: unknown): string[] {
  if (question.kind === "date") {
    const text = dateText(value);
    return text ? [text] : [];
  }
  if (question.kind === "money") {
    if (typeof value !== "string" || !value.trim()) return [];
    const parsed = parseMoney(value);
    return [parsed.ok ? formatMoney(parsed.pence) : value];
  }
  return answerLines(question, value);
}

/** An answer as text lines; an empty array when not answered. Rows read "field – field – …". */
export function applicationAnswerLines(question: ApplicationQuestion, value: unknown): string[] {
  if (question.kind !== "add-another") return fieldLines(question, value);
  return answerRows(value).map((row) =>
    question.fields
      .filter((field) => isShown(field, row))
      .map((field) => fieldLines(field, row[field.name]).join(", "))
      .filter(Boolean)
      .join(" – "),
  );
}

export interface AnswerRow {
  name: string;
  label: string;
  lines: string[];
  /** For add-another answers: each row as label/value pairs. */
  rows?: Array<Array<{ label: string; value: string }>>;
}

/** A section's answers in force, question by question, for summary lists. */
export function sectionAnswerRows(section: ApplicationSection, saved: ApplicationSectionAnswers | undefined): AnswerRow[] {
  const answers = visibleApplicationAnswers(section, saved);
  return section.questions
    .filter((question) => isShown(question, answers))
    .map((question) => {
      const value = answers[question.name];
      if (question.kind !== "add-another") return { name: question.name, label: question.label, lines: applicationAnswerLines(question, value) };
      const rows = answerRows(value).map((row) =>
        question.fields.filter((field) => isShown(field, row)).map((field) => ({ label: field.label, value: fieldLines(field, row[field.name]).join(", ") })),
      );
      return { name: question.name, label: question.label, lines: applicationAnswerLines(question, value), rows };
    });
}

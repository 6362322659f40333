// How saved answers read on "Check your answers", the programme manager's view and exports.
import { answerRows, isQuestionShown, type Question } from "~/domain/eoi/sections";

const optionText = (question: Question, value: unknown): string => {
  if (question.kind !== "radios" && question.kind !== "checkboxes") return typeof value === "string" ? value : "";
  const options = [...question.options, ...(question.kind === "radios" && question.noneOption ? [question.noneOption] : [])];
  return options.find((o) => o.value === value)?.text ?? (typeof value === "string" ? value : "");
};

/** An answer as text lines; an empty array when not answered. */
export function answerLines(question: Question, value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  switch (question.kind) {
    case "checkboxes":
      return (Array.isArray(value) ? value : []).map((v) => optionText(question, v));
    case "radios":
      return [optionText(question, value)];
    case "add-another":
      return answerRows(value).map((row) =>
        question.fields
          .filter((field) => isQuestionShown(field, row))
          .map((field) => answerLines(field, row[field.name]).join(", "))
          .filter(Boolean)
          .join(" – "),
      );
    default:
      return [String(value)];
  }
}

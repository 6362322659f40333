// R-51 R-73 The rules a detailed application's answers must meet, section by section, with GOV.UK
// messages that say exactly what is wrong and name the row ("Enter the date of milestone 2").
// Client-safe: no server imports. Each section's rules are also a zod schema (applicationSchema)
// for the browser; the action and the service call validateApplicationSection/Page.

import { z } from "zod";
import { formatDateLondon, type IsoDate } from "~/domain/calendar";
import { parseDateInput } from "~/domain/date-input";
import { answerRows, fieldId, hasAnswer, type ErrorSummaryItem } from "~/domain/eoi/sections";
import { parseMoney } from "~/domain/money";
import { OUTPUTS } from "~/domain/programme";
import { countCharacters, formatCount } from "~/domain/words";
import { readBudget } from "./budget";
import { typedDate } from "./form";
import { isWithinProgramme, programmePeriodText, type ApplicationProgramme } from "./programme";
import {
  isShown,
  outputField,
  sectionOf,
  visibleApplicationAnswers,
  type ApplicationQuestion,
  type ApplicationSection,
  type ApplicationSectionAnswers,
  type ApplicationSectionId,
  type FieldQuestion,
} from "./sections";

export interface Issue {
  path: Array<string | number>;
  text: string;
}

/** What a field is called in messages: `missing` when blank, `what` in date messages, `called` when too long. */
interface FieldWords {
  missing: string;
  /** Dates: completes GOV.UK's date messages ("Enter the date the pilot will begin"). */
  what?: string;
  called?: string;
}

type RowWords = (n: number) => FieldWords;

// ---------------------------------------------------------------------------------------
// R-51 What each question is called in its messages

const SECTION_WORDS: Record<string, FieldWords> = {
  "delivery-plan.startDate": { missing: "Enter the date the pilot will begin", what: "the date the pilot will begin" },
  "delivery-plan.deliverySummary": { missing: "Enter how you will deliver the pilot", called: "Your answer on delivering the pilot" },
  "delivery-plan.milestones": { missing: "Add at least one milestone" },
  "budget.valueForMoney": { missing: "Enter how the budget shows value for money", called: "Your answer on value for money" },
  "risks.risks": { missing: "Add at least one risk" },
  "partners.hasPartners": { missing: "Select yes if partners will help deliver the pilot" },
  "partners.partners": { missing: "Add at least one partner" },
  "improvement-plan.approach": { missing: "Enter how you will turn what the Toolkit shows into a service improvement plan", called: "Your answer on the improvement plan" },
  "improvement-plan.theme": { missing: "Enter the theme of the improvement plan", called: "Theme" },
  "improvement-plan.developmentPriority": { missing: "Enter the development priority", called: "Development priority" },
  "improvement-plan.actions": { missing: "Add at least one key action" },
  "evaluation.approach": { missing: "Enter how you will evaluate the pilot", called: "Your answer on evaluation" },
  "evaluation.measures": { missing: "Enter what you will measure, and your baseline", called: "Your answer on measures" },
  ...Object.fromEntries(
    OUTPUTS.flatMap((output) => [
      [`outputs.${outputField(output.key, "What")}`, { missing: `Enter what you will do to deliver output ${output.key}`, called: `Your plan for output ${output.key}` }],
      [`outputs.${outputField(output.key, "When")}`, { missing: `Enter the date output ${output.key} will be delivered`, what: `the date output ${output.key} will be delivered` }],
      [`outputs.${outputField(output.key, "Cost")}`, { missing: `Enter what output ${output.key} will cost`, what: `cost of output ${output.key}` }],
    ]),
  ),
};

const ROW_WORDS: Record<string, RowWords> = {
  "delivery-plan.milestones.description": (n) => ({ missing: `Enter milestone ${n}`, called: `Milestone ${n}` }),
  "delivery-plan.milestones.date": (n) => ({ missing: `Enter the date of milestone ${n}`, what: `the date of milestone ${n}` }),
  "risks.risks.risk": (n) => ({ missing: `Enter risk ${n}`, called: `Risk ${n}` }),
  "risks.risks.likelihood": (n) => ({ missing: `Select how likely risk ${n} is` }),
  "risks.risks.impact": (n) => ({ missing: `Select the impact of risk ${n}` }),
  "risks.risks.mitigation": (n) => ({ missing: `Enter how you will reduce or manage risk ${n}`, called: `How you will manage risk ${n}` }),
  "risks.risks.owner": (n) => ({ missing: `Enter who owns risk ${n}`, called: `The owner of risk ${n}` }),
  "partners.partners.name": (n) => ({ missing: `Enter the name of partner ${n}`, called: `Name of partner ${n}` }),
  "partners.partners.role": (n) => ({ missing: `Enter the role of partner ${n}`, called: `The role of partner ${n}` }),
  "partners.partners.confirmed": (n) => ({ missing: `Select yes if partner ${n} has confirmed its role` }),
  "partners.partners.confirmedBy": (n) => ({ missing: `Enter who confirmed the role of partner ${n}`, called: `Who confirmed the role of partner ${n}` }),
  "improvement-plan.actions.action": (n) => ({ missing: `Enter key action ${n}`, called: `Key action ${n}` }),
  "improvement-plan.actions.byWhen": (n) => ({ missing: `Enter the date key action ${n} is due by`, what: `the date key action ${n} is due by` }),
  "improvement-plan.actions.outcomes": (n) => ({ missing: `Enter the outcomes and success criteria of key action ${n}`, called: `The outcomes of key action ${n}` }),
  "improvement-plan.actions.responsible": (n) => ({ missing: `Enter who is responsible for key action ${n}`, called: `Who is responsible for key action ${n}` }),
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// ---------------------------------------------------------------------------------------
// Checking one field

interface FieldContext {
  sectionId: ApplicationSectionId;
  programme: ApplicationProgramme;
  path: Array<string | number>;
  words: FieldWords;
}

function checkDate(value: unknown, ctx: FieldContext, issues: Issue[]): IsoDate | null {
  const what = ctx.words.what ?? "the date";
  const parsed = parseDateInput(typedDate(value), what);
  if (!parsed.ok) {
    issues.push({ path: ctx.path, text: parsed.error });
    return null;
  }
  if (ctx.sectionId === "delivery-plan" && ctx.path[0] === "startDate") {
    // R-8 R-51 "start by 30 September 2009": the round's start-by date.
    if (parsed.date > ctx.programme.startBy) issues.push({ path: ctx.path, text: `The pilot must begin by ${formatDateLondon(ctx.programme.startBy)}` });
    else if (parsed.date < ctx.programme.periodStart) issues.push({ path: ctx.path, text: `${capitalise(what)} must be on or after ${formatDateLondon(ctx.programme.periodStart)}` });
  } else if (!isWithinProgramme(ctx.programme, parsed.date)) {
    // R-51 plans fall within the programme.
    issues.push({ path: ctx.path, text: `${capitalise(what)} must be ${programmePeriodText(ctx.programme)}, within the programme` });
  }
  return parsed.date;
}

function checkField(question: FieldQuestion, value: unknown, ctx: FieldContext, issues: Issue[]): void {
  const blank = !hasAnswer(value);
  switch (question.kind) {
    case "date":
      checkDate(value, ctx, issues);
      return;
    case "radios": {
      const options = [...question.options, ...(question.noneOption ? [question.noneOption] : [])];
      if (!options.some((o) => o.value === value)) issues.push({ path: ctx.path, text: ctx.words.missing });
      return;
    }
    case "checkboxes":
      if (blank) issues.push({ path: ctx.path, text: ctx.words.missing });
      return;
    case "money": {
      if (blank) {
        issues.push({ path: ctx.path, text: ctx.words.missing });
        return;
      }
      const parsed = parseMoney(String(value), { subject: ctx.words.what ?? "amount" });
      if (!parsed.ok) issues.push({ path: ctx.path, text: parsed.error });
      return;
    }
    case "year":
      if (blank) issues.push({ path: ctx.path, text: ctx.words.missing });
      return;
    default: {
      if (blank) {
        issues.push({ path: ctx.path, text: ctx.words.missing });
        return;
      }
      const characters = countCharacters(String(value).trim());
      if (characters > question.maxCharacters) {
        issues.push({ path: ctx.path, text: `${ctx.words.called ?? "Your answer"} must be ${formatCount(question.maxCharacters)} characters or fewer` });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Checking a section

/** R-51 Every issue with a section's answers (as the officer sees them), in page order. */
export function applicationIssues(programme: ApplicationProgramme, section: ApplicationSection, saved: ApplicationSectionAnswers | undefined): Issue[] {
  const answers = visibleApplicationAnswers(section, saved);
  const issues: Issue[] = [];
  for (const question of section.questions) {
    if (!isShown(question, answers)) continue;
    const key = `${section.id}.${question.name}`;
    const words = SECTION_WORDS[key] ?? { missing: `Enter ${question.label.toLowerCase()}` };
    if (question.kind !== "add-another") {
      checkField(question, answers[question.name], { sectionId: section.id, programme, path: [question.name], words }, issues);
      continue;
    }
    if (section.id === "budget") {
      // R-51 R-33 the budget's own rules: lines that add up, quarters in the programme, the CLG cap.
      issues.push(...readBudget(answers.lines, programme).issues);
      continue;
    }
    const rows = answerRows(answers[question.name]);
    if (rows.length === 0) issues.push({ path: [question.name], text: words.missing });
    if (rows.length > question.maxItems) issues.push({ path: [question.name], text: `You can add up to ${question.maxItems} ${question.itemName}s` });
    rows.forEach((row, index) => {
      for (const field of question.fields) {
        if (!isShown(field, row)) continue;
        const rowWords = ROW_WORDS[`${key}.${field.name}`]?.(index + 1) ?? { missing: `Enter ${field.label.toLowerCase()} for ${question.itemName} ${index + 1}` };
        checkField(field, row[field.name], { sectionId: section.id, programme, path: [question.name, index, field.name], words: rowWords }, issues);
      }
      // R-51 partners' roles must be confirmed.
      if (section.id === "partners" && row.confirmed === "no") {
        issues.push({ path: [question.name, index, "confirmed"], text: `Partner ${index + 1} must confirm its role before you submit – select yes once it has` });
      }
    });
  }
  return inPageOrder(section, issues);
}

function inPageOrder(section: ApplicationSection, issues: Issue[]): Issue[] {
  const rank = (issue: Issue): number[] => {
    const [name, row, field] = issue.path;
    const index = section.questions.findIndex((q) => q.name === name);
    const question = section.questions[index];
    const fieldIndex = question?.kind === "add-another" ? question.fields.findIndex((f) => f.name === field) : -1;
    return [section.pages.findIndex((p) => p.fields.includes(String(name))), index, typeof row === "number" ? row : -1, fieldIndex];
  };
  return issues
    .map((issue, order) => ({ issue, order, rank: rank(issue) }))
    .sort((a, b) => {
      for (let i = 0; i < a.rank.length; i += 1) {
        const difference = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
        if (difference !== 0) return difference;
      }
      return a.order - b.order;
    })
    .map(({ issue }) => issue);
}

/** Whether a path is a date question's (its error links to the day box). */
function isDatePath(section: ApplicationSection, path: Array<string | number>): boolean {
  const question: ApplicationQuestion | undefined = section.questions.find((q) => q.name === path[0]);
  if (!question) return false;
  if (question.kind === "date") return path.length === 1;
  if (question.kind === "add-another" && path.length === 3) return question.fields.find((f) => f.name === path[2])?.kind === "date";
  return false;
}

export interface ApplicationValidation {
  ok: boolean;
  errors: ErrorSummaryItem[];
  /** The message beside each field, by field id ("milestones-1-date"). */
  fieldErrors: Record<string, string>;
}

export function toErrors(section: ApplicationSection, issues: readonly Issue[]): ApplicationValidation {
  const errors: ErrorSummaryItem[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const id = fieldId(issue.path);
    if (id in fieldErrors) continue; // one message per field, the first in page order
    fieldErrors[id] = issue.text;
    errors.push({ text: issue.text, href: `#${isDatePath(section, issue.path) ? `${id}-day` : id}` });
  }
  return { ok: errors.length === 0, errors, fieldErrors };
}

/** R-51 Checks a whole section. */
export function validateApplicationSection(programme: ApplicationProgramme, sections: readonly ApplicationSection[], sectionId: ApplicationSectionId, answers: ApplicationSectionAnswers | undefined): ApplicationValidation {
  const section = sectionOf(sections, sectionId);
  return toErrors(section, applicationIssues(programme, section, answers));
}

/** R-34 R-51 Checks only the questions on one page, so an officer can save a page at a time. */
export function validateApplicationPage(programme: ApplicationProgramme, sections: readonly ApplicationSection[], sectionId: ApplicationSectionId, answers: ApplicationSectionAnswers | undefined, pageIndex: number): ApplicationValidation {
  const section = sectionOf(sections, sectionId);
  const fields = section.pages[pageIndex]?.fields ?? [];
  return toErrors(section, applicationIssues(programme, section, answers).filter((issue) => fields.includes(String(issue.path[0]))));
}

export function isApplicationSectionValid(programme: ApplicationProgramme, sections: readonly ApplicationSection[], sectionId: ApplicationSectionId, answers: ApplicationSectionAnswers | undefined): boolean {
  return applicationIssues(programme, sectionOf(sections, sectionId), answers).length === 0;
}

/** R-51 A section's rules as a zod schema (the same rules, for the browser). */
export function applicationSchema(programme: ApplicationProgramme, section: ApplicationSection) {
  return z.record(z.string(), z.unknown()).superRefine((answers, ctx) => {
    for (const issue of applicationIssues(programme, section, answers)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.text });
  });
}

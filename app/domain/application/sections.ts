// R-51 The detailed application as data: its seven task-list sections, the pages of each and the
// questions on them, in the words of the invitation and the service improvement plan format
// (seeds/003: key action, by when, outcomes and success criteria, who is responsible). Pages,
// validation, check answers, the manager's view and the PDF all read these. The questions reuse
// stage 1's question types (app/domain/eoi/sections.ts) and add one: a GOV.UK date input.

import { formatDateLondon } from "~/domain/calendar";
import {
  YES_NO_OPTIONS,
  answerRows,
  hasAnswer,
  type AddAnotherQuestion,
  type Option,
  type Question,
  type ShownWhen,
} from "~/domain/eoi/sections";
import { COST_CATEGORIES, OUTPUTS, type OutputKey } from "~/domain/programme";
import { LONG_ANSWER_CHARACTER_LIMIT, SHORT_ANSWER_CHARACTER_LIMIT } from "~/domain/words";
import { quarterField, quarterMonths, type ApplicationProgramme } from "./programme";

// ---------------------------------------------------------------------------------------
// Types

/** Stage 1's questions other than add-another rows. */
export type PlainQuestion = Exclude<Question, AddAnotherQuestion>;

/** A GOV.UK date input (day, month, year); saved as typed: { day, month, year }. */
export interface DateQuestion {
  readonly kind: "date";
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly shownWhen?: ShownWhen;
}

export type FieldQuestion = PlainQuestion | DateQuestion;

/** Add-another rows whose fields may include dates. */
export interface RowsQuestion extends Omit<AddAnotherQuestion, "fields"> {
  readonly fields: readonly FieldQuestion[];
}

export type ApplicationQuestion = FieldQuestion | RowsQuestion;

export const APPLICATION_SECTION_IDS = ["delivery-plan", "outputs", "budget", "risks", "partners", "improvement-plan", "evaluation"] as const;
export type ApplicationSectionId = (typeof APPLICATION_SECTION_IDS)[number];
export const isApplicationSectionId = (value: unknown): value is ApplicationSectionId =>
  typeof value === "string" && (APPLICATION_SECTION_IDS as readonly string[]).includes(value);

export interface ApplicationPage {
  title: string;
  /** Names of the section's questions on this page, in order. */
  fields: readonly string[];
}

export interface ApplicationSection {
  readonly id: ApplicationSectionId;
  readonly number: number;
  readonly title: string;
  readonly pages: readonly ApplicationPage[];
  readonly questions: readonly ApplicationQuestion[];
}

export type ApplicationSectionAnswers = Readonly<Record<string, unknown>>;
export type ApplicationAnswers = Readonly<Partial<Record<ApplicationSectionId, ApplicationSectionAnswers>>>;

// ---------------------------------------------------------------------------------------
// Building blocks

const shortText = (name: string, label: string, hint?: string, extra: Partial<PlainQuestion> = {}): PlainQuestion =>
  ({ kind: "text", name, label, maxCharacters: SHORT_ANSWER_CHARACTER_LIMIT, ...(hint ? { hint } : {}), ...extra }) as PlainQuestion;

const longText = (name: string, label: string, hint?: string, extra: Partial<PlainQuestion> = {}): PlainQuestion =>
  ({ kind: "textarea", name, label, maxCharacters: LONG_ANSWER_CHARACTER_LIMIT, ...(hint ? { hint } : {}), ...extra }) as PlainQuestion;

const date = (name: string, label: string, hint: string): DateQuestion => ({ kind: "date", name, label, hint });

const radios = (name: string, label: string, options: readonly Option[], hint?: string): PlainQuestion => ({ kind: "radios", name, label, options, ...(hint ? { hint } : {}) });

// R-51 risks: likelihood and impact on the usual three-point scale.
export const RISK_LEVELS: readonly Option[] = [
  { value: "low", text: "Low" },
  { value: "medium", text: "Medium" },
  { value: "high", text: "High" },
];

export const FUNDED_BY_OPTIONS: readonly Option[] = [
  { value: "clg", text: "CLG" },
  { value: "other", text: "Another source" },
];

/** R-7 R-51 The three questions asked about each output: what, when, at what cost. */
export const outputField = (key: OutputKey, part: "What" | "When" | "Cost") => `output${key}${part}`;

const exampleDate = (day: string) => {
  const [year, month, dayOfMonth] = day.split("-").map(Number);
  return `For example, ${dayOfMonth} ${month} ${year}`;
};

// ---------------------------------------------------------------------------------------
// R-51 The seven sections, for a round's programme (its dates and quarters)

export function applicationSections(programme: ApplicationProgramme): readonly ApplicationSection[] {
  const startBy = formatDateLondon(programme.startBy);
  const planned = `Between ${formatDateLondon(programme.periodStart)} and ${formatDateLondon(programme.periodEnd)}. ${exampleDate(programme.startBy)}`;
  const quarterQuestions: PlainQuestion[] = programme.quarters.map((quarter) => ({
    kind: "money",
    name: quarterField(quarter),
    label: `${quarter} (${quarterMonths(quarter)})`,
    hint: "Leave blank if nothing is spent in this quarter",
  }));

  return [
    {
      id: "delivery-plan",
      number: 1,
      title: "Delivery plan and milestones",
      pages: [
        { title: "How you will deliver the pilot", fields: ["startDate", "deliverySummary"] },
        { title: "Milestones", fields: ["milestones"] },
      ],
      questions: [
        date("startDate", "When will the pilot begin?", `Pilots must begin by ${startBy}. ${exampleDate(programme.startBy)}`),
        longText("deliverySummary", "How will you deliver the pilot?", "Describe its stages, who will lead it and the staff and other resources it will use."),
        {
          kind: "add-another",
          name: "milestones",
          label: "Milestones",
          hint: "Add the milestones by which you and CLG will know the pilot is on track, in date order.",
          itemName: "milestone",
          maxItems: 30,
          fields: [shortText("description", "Milestone", "For example, Toolkit self-assessment completed with frontline staff"), date("date", "Date", planned)],
        },
      ],
    },
    {
      id: "outputs",
      number: 2,
      title: "Plans for outputs A to F",
      pages: OUTPUTS.map((output) => ({ title: `Output ${output.key}: ${output.title}`, fields: [outputField(output.key, "What"), outputField(output.key, "When"), outputField(output.key, "Cost")] })),
      questions: OUTPUTS.flatMap((output): ApplicationQuestion[] => [
        longText(outputField(output.key, "What"), `What will you do to deliver output ${output.key}?`, output.text),
        date(outputField(output.key, "When"), `When will output ${output.key} be delivered?`, planned),
        { kind: "money", name: outputField(output.key, "Cost"), label: `What will output ${output.key} cost?`, hint: "Include staff time. Enter £0 if it costs nothing beyond the rest of the pilot." },
      ]),
    },
    {
      id: "budget",
      number: 3,
      title: "Budget",
      pages: [
        { title: "Budget by line and quarter", fields: ["lines"] },
        { title: "Funding and value for money", fields: ["valueForMoney"] },
      ],
      questions: [
        {
          kind: "add-another",
          name: "lines",
          label: "Budget lines",
          hint: `Add each cost of the pilot, who funds it and what is spent in each quarter. CLG can fund up to £100,000 in all; any other cost must be funded by a named source.`,
          itemName: "budget line",
          maxItems: 50,
          fields: [
            shortText("description", "Description"),
            radios("category", "Category", COST_CATEGORIES.map((c) => ({ value: c.key, text: c.label }))),
            radios("fundedBy", "Who will fund this line?", FUNDED_BY_OPTIONS),
            shortText("otherSource", "Name of the other source", "For example, the lead authority, a partner or another funding programme.", { shownWhen: { field: "fundedBy", oneOf: ["other"] } }),
            { kind: "money", name: "total", label: "Total for this line", hint: "The amounts by quarter below must add up to this total" },
            ...quarterQuestions,
          ],
        },
        longText("valueForMoney", "How does the budget show value for money?", "Include how any costs above what CLG funds will be met, and what the partners contribute."),
      ],
    },
    {
      id: "risks",
      number: 4,
      title: "Risks",
      pages: [{ title: "Risks", fields: ["risks"] }],
      questions: [
        {
          kind: "add-another",
          name: "risks",
          label: "Risks",
          hint: "Add the risks to delivering the pilot on time and within budget.",
          itemName: "risk",
          maxItems: 30,
          fields: [
            shortText("risk", "Risk", "For example, the project officer post is not filled by the start date"),
            radios("likelihood", "How likely is it?", RISK_LEVELS),
            radios("impact", "What would its impact be?", RISK_LEVELS),
            longText("mitigation", "How will you reduce or manage it?"),
            shortText("owner", "Who owns this risk?", "A name or a job title"),
          ],
        },
      ],
    },
    {
      id: "partners",
      number: 5,
      title: "Partners’ confirmed roles",
      pages: [{ title: "Partners’ confirmed roles", fields: ["hasPartners", "partners"] }],
      questions: [
        radios("hasPartners", "Will partners help deliver the pilot?", YES_NO_OPTIONS, "Partners from the private, public or third sector, including those named in your expression of interest."),
        {
          kind: "add-another",
          name: "partners",
          label: "Partners",
          itemName: "partner",
          maxItems: 20,
          shownWhen: { field: "hasPartners", oneOf: ["yes"] },
          fields: [
            shortText("name", "Name of the partner organisation"),
            longText("role", "What is the partner’s role in the pilot?"),
            radios("confirmed", "Has the partner confirmed this role?", YES_NO_OPTIONS, "In writing, for example by a letter or email from someone who can commit the organisation."),
            shortText("confirmedBy", "Who confirmed it?", "Their name and job title", { shownWhen: { field: "confirmed", oneOf: ["yes"] } }),
          ],
        },
      ],
    },
    {
      id: "improvement-plan",
      number: 6,
      title: "Service improvement plan",
      pages: [
        { title: "Your approach to the improvement plan", fields: ["approach", "theme", "developmentPriority"] },
        { title: "Key actions", fields: ["actions"] },
      ],
      questions: [
        longText("approach", "How will you turn what the Toolkit shows into a service improvement plan?", "Say how the issues the Toolkit highlights will be taken forward, and how customers, frontline staff and partners will shape the plan."),
        shortText("theme", "Theme", "For example, Organisational effectiveness – focus on residents and customers"),
        shortText("developmentPriority", "Development priority", "For example, Improve the customer’s experience of first contact with the council"),
        {
          kind: "add-another",
          name: "actions",
          label: "Key actions",
          hint: "Set out the plan in the service improvement plan format: each key action, by when, its outcomes and success criteria, and who is responsible.",
          itemName: "key action",
          maxItems: 30,
          fields: [
            longText("action", "Key action"),
            date("byWhen", "By when", planned),
            longText("outcomes", "Outcomes and success criteria"),
            shortText("responsible", "Who is responsible", "A job title, for example Head of Customer Services"),
          ],
        },
      ],
    },
    {
      id: "evaluation",
      number: 7,
      title: "Evaluation approach",
      pages: [{ title: "Evaluation approach", fields: ["approach", "measures"] }],
      questions: [
        longText("approach", "How will you evaluate the pilot?", "Include who will carry out the evaluation and how it feeds the longer-term evaluation of the programme (output F)."),
        longText("measures", "What will you measure, and what is your baseline?", "For example, repeat contacts, complaints and customer satisfaction before and after the pilot."),
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------
// Looking things up

export function sectionOf(sections: readonly ApplicationSection[], id: ApplicationSectionId): ApplicationSection {
  const section = sections.find((candidate) => candidate.id === id);
  if (!section) throw new RangeError(`Unknown section: ${JSON.stringify(id)}`);
  return section;
}

export function pageQuestions(section: ApplicationSection, pageIndex: number): ApplicationQuestion[] {
  const page = section.pages[pageIndex];
  if (!page) return [];
  return page.fields.map((name) => section.questions.find((q) => q.name === name)).filter((q): q is ApplicationQuestion => Boolean(q));
}

/** The page a question is asked on (0 when unknown). */
export function pageOfField(section: ApplicationSection, field: string): number {
  return Math.max(0, section.pages.findIndex((page) => page.fields.includes(field)));
}

/** Whether a question is shown, given the other answers in its section (or its row). */
export function isShown(question: { shownWhen?: ShownWhen }, answers: Readonly<Record<string, unknown>>): boolean {
  if (!question.shownWhen) return true;
  const answer = answers[question.shownWhen.field];
  const chosen = Array.isArray(answer) ? answer : [answer];
  return chosen.some((value) => typeof value === "string" && question.shownWhen!.oneOf.includes(value));
}

/**
 * The answers in force: follow-ups no longer asked and empty rows are left out (the saved draft
 * keeps everything; validation, totals, the manager's view and the PDF read this).
 */
export function visibleApplicationAnswers(section: ApplicationSection, answers: ApplicationSectionAnswers | undefined): Record<string, unknown> {
  const visible: Record<string, unknown> = {};
  if (!answers) return visible;
  for (const question of section.questions) {
    if (!isShown(question, answers)) continue;
    const value = answers[question.name];
    if (value === undefined) continue;
    if (question.kind !== "add-another") {
      visible[question.name] = value;
      continue;
    }
    visible[question.name] = answerRows(value)
      .map((row) => {
        const shownRow: Record<string, unknown> = {};
        for (const field of question.fields) if (isShown(field, row) && row[field.name] !== undefined) shownRow[field.name] = row[field.name];
        // Amounts saved for quarters no longer in the programme stay visible, so that the
        // budget's check can name them (R-51 "quarters outside the programme").
        for (const [key, field] of Object.entries(row)) if (/^q[1-4]-\d{4}-\d{2}$/.test(key) && !(key in shownRow)) shownRow[key] = field;
        return shownRow;
      })
      .filter(hasAnswer);
  }
  return visible;
}

export function hasAnyApplicationAnswer(section: ApplicationSection, answers: ApplicationSectionAnswers | undefined): boolean {
  if (!answers) return false;
  return section.questions.some((question) => hasAnswer(answers[question.name]));
}

export { answerRows, hasAnswer };

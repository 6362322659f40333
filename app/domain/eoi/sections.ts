// R-31 The expression of interest as data: its ten sections, in order, and the questions in
// each, worded in the invitation's vocabulary (seeds/004: the six points, the two further
// bullets, the focus areas and the supporting documentation). Pages, the PDF, the CSV
// export and the check-your-answers page all read these; schema.ts validates the answers.

import {
  COST_CATEGORIES,
  FOCUS_AREAS,
  PARTNERSHIP_KINDS,
  PARTNER_SECTORS,
  PAST_AWARDS,
  PAST_AWARD_YEARS,
  PLEDGE_SCOPES,
  REGIONS,
  SETTINGS,
  THEMES,
  TRACK_RECORDS,
  AUTHORITY_TYPES,
  type Choice,
} from "~/domain/programme";
import {
  CHIEF_EXECUTIVE_STATEMENT_WORD_LIMIT,
  LEARNING_OUTCOMES_NOTE_WORD_LIMIT,
  LINKS_STATEMENT_WORD_LIMIT,
  LONG_ANSWER_CHARACTER_LIMIT,
  READINESS_STATEMENT_WORD_LIMIT,
  SHORT_ANSWER_CHARACTER_LIMIT,
} from "~/domain/words";

// ---------------------------------------------------------------------------------------
// Types

export const SECTION_IDS = [
  "about-the-bid",
  "toolkit-use",
  "leadership",
  "customers-and-improvement-plan",
  "delivering-with-partners",
  "impact",
  "regional-champion",
  "evaluation-and-learning",
  "focus-area",
  "supporting-documents",
] as const;
export type SectionId = (typeof SECTION_IDS)[number];
export const isSectionId = (value: unknown): value is SectionId =>
  typeof value === "string" && (SECTION_IDS as readonly string[]).includes(value);

/** An option as the GOV.UK radios and checkboxes components take it. */
export interface Option {
  readonly value: string;
  readonly text: string;
  readonly hint?: string;
}

/** A question shows only when another answer (in the same section, or the same row) has one of these values. */
export interface ShownWhen {
  readonly field: string;
  readonly oneOf: readonly string[];
}

interface QuestionBase {
  /** The field's name in the form and in the saved answers. */
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly shownWhen?: ShownWhen;
}

export interface TextQuestion extends QuestionBase {
  readonly kind: "text" | "email" | "tel";
  readonly maxCharacters: number;
  readonly autocomplete?: string;
}

export interface YearQuestion extends QuestionBase {
  readonly kind: "year";
  readonly min: number;
  readonly max: number;
}

export interface MoneyQuestion extends QuestionBase {
  readonly kind: "money";
}

export interface TextareaQuestion extends QuestionBase {
  readonly kind: "textarea";
  readonly maxCharacters: number;
  /** R-31 A limit of its own (section 10); sections 2 to 9 share R-32's instead. */
  readonly wordLimit?: number;
}

export interface ChoiceQuestion extends QuestionBase {
  readonly kind: "radios" | "checkboxes";
  readonly options: readonly Option[];
  /** An exclusive last option shown after an "or" divider (GOV.UK "None" pattern). */
  readonly noneOption?: Option;
}

export interface AddAnotherQuestion extends QuestionBase {
  readonly kind: "add-another";
  /** What one row is called: "partner" gives "Partner 2" and "Add another partner". */
  readonly itemName: string;
  readonly maxItems: number;
  readonly fields: readonly Question[];
}

export type Question =
  | TextQuestion
  | YearQuestion
  | MoneyQuestion
  | TextareaQuestion
  | ChoiceQuestion
  | AddAnotherQuestion;

export interface Section {
  readonly id: SectionId;
  readonly number: number;
  readonly title: string;
  /** Where the section comes from in the invitation, for officers reading it alongside. */
  readonly invitationReference: string;
  /** R-32 Sections 2 to 9 are the two-page outline and share its 1,000-word limit. */
  readonly countsTowardTwoPageLimit: boolean;
  /** Sections that must be completed before this one can be started. */
  readonly dependsOn: readonly SectionId[];
  readonly questions: readonly Question[];
}

/** Answers to one section as saved: exactly what the officer typed or chose. */
export type SectionAnswers = Readonly<Record<string, unknown>>;

/** Saved answers to a whole expression of interest, by section. */
export type EoiAnswers = Readonly<Partial<Record<SectionId, SectionAnswers>>>;

// ---------------------------------------------------------------------------------------
// Field ids and error links

/**
 * The id of a field on the page, for labels and for the error summary's links:
 * ["partners", 1, "name"] is "partners-1-name". Rows are counted from 0 in ids and from 1 in
 * the words on the page ("Partner 2").
 */
export function fieldId(path: ReadonlyArray<string | number>): string {
  return path.map(String).join("-");
}

/** A GOV.UK error summary item. */
export interface ErrorSummaryItem {
  text: string;
  href: string;
}

// ---------------------------------------------------------------------------------------
// Building blocks

const toOptions = (choices: ReadonlyArray<Choice>): Option[] =>
  choices.map((choice) => ({
    value: choice.key,
    text: choice.label,
    ...(choice.hint ? { hint: choice.hint } : {}),
  }));

export const YES_NO_OPTIONS: readonly Option[] = [
  { value: "yes", text: "Yes" },
  { value: "no", text: "No" },
];

const shortText = (
  name: string,
  label: string,
  extra: Partial<Omit<TextQuestion, "name" | "label">> = {},
): TextQuestion => ({
  kind: "text",
  name,
  label,
  maxCharacters: SHORT_ANSWER_CHARACTER_LIMIT,
  ...extra,
});

const longText = (
  name: string,
  label: string,
  hint: string,
  extra: Partial<Omit<TextareaQuestion, "name" | "label" | "hint">> = {},
): TextareaQuestion => ({
  kind: "textarea",
  name,
  label,
  hint,
  maxCharacters: LONG_ANSWER_CHARACTER_LIMIT,
  ...extra,
});

// R-31 The question that ends every section of the task list.
export const SECTION_COMPLETED_QUESTION = {
  name: "completed",
  label: "Have you completed this section?",
  options: [
    { value: "yes", text: "Yes, I’ve completed this section" },
    { value: "no", text: "No, I’ll come back to it later" },
  ],
} as const;

// ---------------------------------------------------------------------------------------
// R-31 The ten sections

export const SECTIONS: readonly Section[] = [
  {
    id: "about-the-bid",
    number: 1,
    title: "About the bid",
    invitationReference: "Section 2: Application process",
    countsTowardTwoPageLimit: false,
    dependsOn: [],
    questions: [
      {
        kind: "radios",
        name: "region",
        label: "Which Government Office region is the lead authority in?",
        hint: "The lead authority is the one funding will be allocated to, and it is responsible for making sure outcomes are met. One pilot will be selected in each region.",
        options: REGIONS.map((region) => ({ value: region, text: region })),
      },
      {
        kind: "radios",
        name: "authorityType",
        label: "What type of authority is the lead authority?",
        options: toOptions(AUTHORITY_TYPES),
      },
      {
        kind: "radios",
        name: "setting",
        label: "Is the pilot area rural, urban or mixed?",
        options: toOptions(SETTINGS),
      },
      {
        kind: "radios",
        name: "trackRecord",
        label: "Which best describes the lead authority’s customer service?",
        options: toOptions(TRACK_RECORDS),
      },
      {
        kind: "radios",
        name: "hasPartners",
        label: "Is this bid from a partnership?",
        hint: "A partnership between the lead authority and other local authorities or delivery partners in the private, public or third sector, including contractual and strategic arrangements.",
        options: YES_NO_OPTIONS,
      },
      {
        kind: "add-another",
        name: "partners",
        label: "Partners",
        hint: "Add each partner in the bid, other than the lead authority.",
        itemName: "partner",
        maxItems: 20,
        shownWhen: { field: "hasPartners", oneOf: ["yes"] },
        fields: [
          shortText("name", "Name of the partner organisation"),
          {
            kind: "radios",
            name: "sector",
            label: "Sector",
            options: toOptions(PARTNER_SECTORS),
          },
          {
            kind: "radios",
            name: "kind",
            label: "Kind of partnership",
            options: toOptions(PARTNERSHIP_KINDS),
          },
        ],
      },
      shortText("contactName", "Full name of the named contact", {
        hint: "The person CLG should contact about this expression of interest.",
        autocomplete: "name",
      }),
      shortText("contactRole", "Job title", { autocomplete: "organization-title" }),
      {
        kind: "email",
        name: "contactEmail",
        label: "Email address",
        maxCharacters: 254,
        autocomplete: "email",
      },
      {
        kind: "tel",
        name: "contactPhone",
        label: "Telephone number",
        hint: "For example, 01632 960 001 or 07700 900 982",
        maxCharacters: 30,
        autocomplete: "tel",
      },
    ],
  },
  {
    id: "toolkit-use",
    number: 2,
    title: "Using the Toolkit",
    invitationReference: "Point 1",
    countsTowardTwoPageLimit: true,
    dependsOn: [],
    questions: [
      {
        kind: "checkboxes",
        name: "themes",
        label: "Which of the review’s main themes will the pilot address?",
        hint: "Select all that apply. You can address one, two or all three themes.",
        options: toOptions(THEMES),
      },
      {
        kind: "radios",
        name: "pledgeScope",
        label: "What will you apply the service and remedy pledge to?",
        hint: "The five characteristics of good service and remedy provision can be applied to a service, a service area, the organisation or a partnership.",
        options: toOptions(PLEDGE_SCOPES),
        shownWhen: { field: "themes", oneOf: ["pledge"] },
      },
      {
        kind: "checkboxes",
        name: "partnershipKinds",
        label: "Which partnership arrangements will the pilot look at?",
        hint: "Select all that apply.",
        options: toOptions(PARTNERSHIP_KINDS),
        shownWhen: { field: "themes", oneOf: ["partnerships"] },
      },
      longText(
        "toolkitUse",
        "How will you use the Practitioners’ Toolkit?",
        "Say whether you will use the whole Toolkit or part of it, and how it will help you address the principles of excellent customer service in line with the themes you have chosen.",
      ),
    ],
  },
  {
    id: "leadership",
    number: 3,
    title: "Leadership and commitment",
    invitationReference: "Point 2",
    countsTowardTwoPageLimit: true,
    dependsOn: [],
    questions: [
      longText(
        "leadership",
        "How will you show strong leadership and a commitment to improving customer service?",
        "Describe the leadership and commitment at chief executive level and throughout the organisation, and your awareness of local needs.",
      ),
    ],
  },
  {
    id: "customers-and-improvement-plan",
    number: 4,
    title: "Working with customers, stakeholders and frontline staff",
    invitationReference: "Point 3",
    countsTowardTwoPageLimit: true,
    dependsOn: [],
    questions: [
      longText(
        "workingWithCustomers",
        "How will you work with customers, local stakeholders and frontline staff so that your service and remedy pledges reflect local needs?",
        "Stakeholders include private, public and third sector partners. Say how your pledges and provision will reflect and respond to local needs, desires and expectations.",
      ),
      longText(
        "improvementPlan",
        "How will you draft an improvement plan after using the Toolkit?",
        "Say how you will take forward the issues highlighted, improve your customer focus in local service and remedy provision, and what impact you expect this to have.",
      ),
    ],
  },
  {
    id: "delivering-with-partners",
    number: 5,
    title: "Delivering improvements with partners",
    invitationReference: "Point 4",
    countsTowardTwoPageLimit: true,
    dependsOn: [],
    questions: [
      longText(
        "deliveringWithPartners",
        "How will you work with customers and other partners to deliver these improvements?",
        "Include partners in the third and private sectors.",
      ),
    ],
  },
  {
    id: "impact",
    number: 6,
    title: "Impact on customers’ experience",
    invitationReference: "Point 5",
    countsTowardTwoPageLimit: true,
    dependsOn: [],
    questions: [
      longText(
        "impact",
        "How will you show that the pilot has made an impact on customers’ experience?",
        "Say how you will demonstrate that being involved in the pilot has helped improve the customer’s experience of local service delivery.",
      ),
    ],
  },
  {
    id: "regional-champion",
    number: 7,
    title: "Regional champion and mentor",
    invitationReference: "Point 6",
    countsTowardTwoPageLimit: true,
    dependsOn: [],
    questions: [
      longText(
        "regionalChampion",
        "How will you act as regional champion and mentor to other local authorities?",
        "Say how you will share skills and expertise with other authorities in your region.",
      ),
      longText(
        "dissemination",
        "How will you design and deliver the dissemination of learning from your use of the Toolkit?",
        "For example, regional events and workshops, and a virtual peer support network.",
      ),
    ],
  },
  {
    id: "evaluation-and-learning",
    number: 8,
    title: "Tracking outcomes and learning",
    invitationReference: "The further points after point 6",
    countsTowardTwoPageLimit: true,
    dependsOn: [],
    questions: [
      longText(
        "trackingOutcomes",
        "How will you track and evaluate the immediate and longer-term outcomes of the pilot?",
        "Include the measures you will use and who will collect them.",
      ),
      longText(
        "learningOutcomes",
        "How will you identify learning outcomes to help develop the Toolkit further?",
        "Include how you will share learning across your region to support national improvement in high-quality customer service for local people.",
      ),
    ],
  },
  {
    id: "focus-area",
    number: 9,
    title: "Focus area",
    invitationReference: "Points 7 to 9",
    countsTowardTwoPageLimit: true,
    dependsOn: [],
    questions: [
      {
        kind: "radios",
        name: "focusArea",
        label: "Will the pilot focus on one of these areas?",
        hint: "Three pilots will be chosen to focus on one area each. You do not have to choose one.",
        options: toOptions(FOCUS_AREAS),
        noneOption: { value: "none", text: "No, the pilot will not focus on one of these areas" },
      },
      longText(
        "focusAreaReason",
        "Why is the pilot well placed to focus on this area?",
        "Say what you will test and who you will work with.",
        { shownWhen: { field: "focusArea", oneOf: FOCUS_AREAS.map((area) => area.key) } },
      ),
    ],
  },
  {
    id: "supporting-documents",
    number: 10,
    title: "Supporting documents",
    invitationReference: "Supporting documentation",
    countsTowardTwoPageLimit: false,
    dependsOn: [],
    questions: [
      {
        kind: "add-another",
        name: "costs",
        label: "Breakdown of estimated costs",
        hint: "Add each cost of delivering the pilot’s aims and outputs. For each cost, say whether it is funded by CLG or another source. CLG can fund up to £100,000.",
        itemName: "cost",
        maxItems: 50,
        fields: [
          shortText("description", "Description"),
          { kind: "radios", name: "category", label: "Category", options: toOptions(COST_CATEGORIES) },
          { kind: "money", name: "amount", label: "Amount" },
          {
            kind: "radios",
            name: "fundedBy",
            label: "Who will fund this cost?",
            options: [
              { value: "clg", text: "CLG" },
              { value: "other", text: "Another source" },
            ],
          },
          shortText("otherSource", "Name of the other source", {
            hint: "For example, the lead authority, a partner or another funding programme.",
            shownWhen: { field: "fundedBy", oneOf: ["other"] },
          }),
        ],
      },
      longText(
        "valueForMoney",
        "How does your proposal demonstrate value for money?",
        "Include how any costs above the £100,000 available from CLG will be met.",
      ),
      shortText("chiefExecutiveName", "Chief executive’s full name"),
      longText(
        "chiefExecutiveStatement",
        "Chief executive’s line statement",
        "The chief executive’s commitment to the pilot and to improving customer service, embedding customer focus throughout the culture of the authority.",
        { wordLimit: CHIEF_EXECUTIVE_STATEMENT_WORD_LIMIT },
      ),
      longText(
        "learningOutcomesNote",
        "How will you identify learning outcomes and share that learning as regional champion?",
        "Bear in mind point 6 of the invitation, on being a regional champion, and the points on tracking outcomes and identifying learning. You will plan and deliver this yourselves.",
        { wordLimit: LEARNING_OUTCOMES_NOTE_WORD_LIMIT },
      ),
      longText(
        "readiness",
        "How will you be ready to begin the pilot by the end of September 2009?",
        "Include the resources you need to meet this commitment, any risks to achieving it and how you will address them.",
        { wordLimit: READINESS_STATEMENT_WORD_LIMIT },
      ),
      longText(
        "links",
        "How will the pilot link with Total Place, Customer Service Excellence and other pilots?",
        "Include any Total Place pilot status, any ongoing or intended work to meet the Customer Service Excellence standard, and any other pilot schemes the authority receives funding for or other public services transformation work.",
        { wordLimit: LINKS_STATEMENT_WORD_LIMIT },
      ),
      {
        kind: "radios",
        name: "hasPastAwards",
        label: "Has the authority undertaken or achieved any customer service awards or reviews?",
        options: YES_NO_OPTIONS,
      },
      {
        kind: "add-another",
        name: "pastAwards",
        label: "Customer service awards and reviews",
        itemName: "award or review",
        maxItems: 20,
        shownWhen: { field: "hasPastAwards", oneOf: ["yes"] },
        fields: [
          { kind: "radios", name: "award", label: "Award or review", options: toOptions(PAST_AWARDS) },
          shortText("otherAward", "Name of the award or review", {
            shownWhen: { field: "award", oneOf: ["other"] },
          }),
          {
            kind: "year",
            name: "year",
            label: "Year",
            hint: "For example, 2008",
            min: PAST_AWARD_YEARS.earliest,
            max: PAST_AWARD_YEARS.latest,
          },
          shortText("outcome", "Outcome", {
            hint: "For example, achieved, achieved with compliance plus, or level 3",
          }),
        ],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------
// Looking things up

export function sectionById(id: SectionId): Section {
  const section = SECTIONS.find((candidate) => candidate.id === id);
  if (!section) throw new RangeError(`Unknown section: ${JSON.stringify(id)}`);
  return section;
}

/** R-32 The sections of the two-page outline: 2 to 9. */
export const TWO_PAGE_SECTIONS: readonly Section[] = SECTIONS.filter(
  (section) => section.countsTowardTwoPageLimit,
);

/** Whether a question is shown, given the other answers in its section (or its row). */
export function isQuestionShown(question: Question, answers: SectionAnswers): boolean {
  if (!question.shownWhen) return true;
  const answer = answers[question.shownWhen.field];
  const chosen = Array.isArray(answer) ? answer : [answer];
  return chosen.some((value) => typeof value === "string" && question.shownWhen!.oneOf.includes(value));
}

/** The questions of a section an officer is actually asked, given their answers so far. */
export function shownQuestions(section: Section, answers: SectionAnswers): Question[] {
  return section.questions.filter((question) => isQuestionShown(question, answers));
}

/** The rows of an add-another answer, whatever shape was saved. */
export function answerRows(value: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(value)) return [];
  return value.filter((row): row is Record<string, unknown> => typeof row === "object" && row !== null);
}

/** Whether a saved value holds anything the officer typed or chose. */
export function hasAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.some(hasAnswer);
  if (typeof value === "object") return Object.values(value).some(hasAnswer);
  return true;
}

/** Whether an officer has answered anything in a section. */
export function hasAnyAnswer(section: Section, answers: SectionAnswers | undefined): boolean {
  if (!answers) return false;
  return section.questions.some((question) => hasAnswer(answers[question.name]));
}

/**
 * The answers to a section that are in force: answers to questions the officer is no longer
 * asked (the reason for a focus area they have since changed to "none", the partners of a
 * bid now marked as not a partnership) are left out, and so are empty add-another rows.
 * The saved draft keeps everything; validation, word counts, the PDF and exports
 * read this.
 */
export function visibleAnswers(section: Section, answers: SectionAnswers | undefined): Record<string, unknown> {
  const visible: Record<string, unknown> = {};
  if (!answers) return visible;
  for (const question of section.questions) {
    if (!isQuestionShown(question, answers)) continue;
    const value = answers[question.name];
    if (value === undefined) continue;
    if (question.kind !== "add-another") {
      visible[question.name] = value;
      continue;
    }
    visible[question.name] = answerRows(value)
      .map((row) => {
        const shownRow: Record<string, unknown> = {};
        for (const field of question.fields) {
          if (isQuestionShown(field, row) && row[field.name] !== undefined) shownRow[field.name] = row[field.name];
        }
        return shownRow;
      })
      .filter(hasAnswer);
  }
  return visible;
}

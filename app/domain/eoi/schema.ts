// R-31 R-32 R-33 R-70 R-73 The rules an expression of interest's answers must meet, one zod
// schema per section. Client-safe (no server imports): the same schema validates in the
// action and, with JavaScript, in the browser. Messages follow the GOV.UK error summary
// style ("Enter …", "Select …") and say exactly what is wrong.

import { z } from "zod";
import { parseMoney } from "~/domain/money";
import {
  PAST_AWARD_YEARS,
  isAuthorityType,
  isCostCategory,
  isFocusArea,
  isPartnerSector,
  isPartnershipKind,
  isPastAward,
  isPledgeScope,
  isRegion,
  isSetting,
  isTheme,
  isTrackRecord,
  type FocusArea,
} from "~/domain/programme";
import {
  TWO_PAGE_CHARACTER_LIMIT,
  TWO_PAGE_WORD_LIMIT,
  countCharacters,
  countWords,
  formatCharacterCount,
  formatCount,
  formatWordCount,
} from "~/domain/words";
import {
  TWO_PAGE_SECTIONS,
  answerRows,
  fieldId,
  hasAnswer,
  sectionById,
  visibleAnswers,
  type AddAnotherQuestion,
  type EoiAnswers,
  type ErrorSummaryItem,
  type Question,
  type SectionAnswers,
  type SectionId,
  type TextQuestion,
  type TextareaQuestion,
} from "~/domain/eoi/sections";
import { COST_MESSAGES, MAXIMUM_COST_LINES, validateCostLines, type CostLine } from "~/domain/eoi/costs";

// ---------------------------------------------------------------------------------------
// Building blocks

/** A message, or a message for the row an issue is in ("Enter the name of partner 2"). */
type Message = string | ((issue: { path?: PropertyKey[]; input?: unknown }) => string);

const rowNumberOf = (path: readonly PropertyKey[] | undefined): number => {
  const index = [...(path ?? [])].reverse().find((segment): segment is number => typeof segment === "number");
  return (index ?? 0) + 1;
};

const perRow =
  (message: (n: number) => string): Message =>
  (issue) =>
    message(rowNumberOf(issue.path));

const isBlank = (value: unknown) => !hasAnswer(value);
// Cross-field rules run even when a field has failed, so the error summary lists everything.
const always = { when: () => true };

/** Trims typed text; an answer of only spaces is no answer. */
const blankToUndefined = (value: unknown): unknown => {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
};

const characterLimit = (max: number) => (text: string) => countCharacters(text) <= max;

function requiredText(missing: Message, max: number, tooLong: Message) {
  return z.preprocess(
    blankToUndefined,
    z.string({ error: missing }).refine(characterLimit(max), { error: tooLong }),
  );
}

function optionalText(max: number, tooLong: Message) {
  return z.preprocess(
    blankToUndefined,
    z.string().refine(characterLimit(max), { error: tooLong }).optional(),
  );
}

// z.custom stops other rules from running when it fails (abort); ours must not, so that
// cross-field rules still report (the error summary lists everything at once).
function oneOf<Key extends string>(isKey: (value: unknown) => value is Key, error: Message) {
  return z.custom<Key>(isKey, { error, abort: false });
}

function choice<Key extends string>(isKey: (value: unknown) => value is Key, missing: Message) {
  return z.preprocess(blankToUndefined, oneOf(isKey, missing));
}

function optionalChoice<Key extends string>(isKey: (value: unknown) => value is Key, invalid: Message) {
  return z.preprocess(blankToUndefined, oneOf(isKey, invalid).optional());
}

/** Checkbox answers arrive as nothing, one value or several. */
const toList = (value: unknown): unknown[] =>
  (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]).filter(
    (item) => !(typeof item === "string" && item.trim() === ""),
  );

function checkboxes<Key extends string>(
  isKey: (value: unknown) => value is Key,
  messages: { missing?: string; invalid: string },
) {
  const list = z.array(oneOf(isKey, messages.invalid));
  return z.preprocess(
    toList,
    (messages.missing ? list.min(1, { error: messages.missing }) : list).transform((keys) => [...new Set(keys)]),
  );
}

/**
 * Add-another rows, empty rows dropped. `checkRows` adds rules across a row's fields (a
 * conditional question, say); it runs even when other rows have errors, so every error
 * shows at once, and so must read the rows defensively.
 */
function rowList<Row extends z.ZodType>(
  row: Row,
  max: number,
  tooMany: string,
  checkRows?: (rows: ReadonlyArray<Partial<Record<string, unknown>> | undefined>, ctx: z.RefinementCtx) => void,
) {
  const rows = z.array(row).max(max, { error: tooMany });
  return z.preprocess(
    (value) => answerRows(value).filter(hasAnswer),
    checkRows
      ? rows.superRefine((value, ctx) => checkRows(value as ReadonlyArray<Record<string, unknown>>, ctx), always)
      : rows,
  );
}

const YES_NO = ["yes", "no"] as const;
type YesNo = (typeof YES_NO)[number];
const isYesNo = (value: unknown): value is YesNo => value === "yes" || value === "no";

// ---------------------------------------------------------------------------------------
// Questions' own messages

function question<Kind extends Question["kind"]>(
  sectionId: SectionId,
  name: string,
  kind: Kind,
): Extract<Question, { kind: Kind }> {
  const found = sectionById(sectionId).questions.find((candidate) => candidate.name === name);
  if (!found || found.kind !== kind) throw new Error(`No ${kind} question ${name} in section ${sectionId}`);
  return found as Extract<Question, { kind: Kind }>;
}

function rowField<Kind extends Question["kind"]>(
  sectionId: SectionId,
  listName: string,
  name: string,
  kind: Kind,
): Extract<Question, { kind: Kind }> {
  const list = question(sectionId, listName, "add-another") as AddAnotherQuestion;
  const found = list.fields.find((candidate) => candidate.name === name);
  if (!found || found.kind !== kind) throw new Error(`No ${kind} field ${name} in ${listName}`);
  return found as Extract<Question, { kind: Kind }>;
}

// R-31 What to ask for when a written answer is missing, and what to call it when too long.
const LONG_ANSWER_MESSAGES: Record<string, { missing: string; name: string }> = {
  toolkitUse: { missing: "Enter how you will use the Practitioners’ Toolkit", name: "Your answer on using the Toolkit" },
  leadership: {
    missing: "Enter how you will show strong leadership and a commitment to improving customer service",
    name: "Your answer on leadership",
  },
  workingWithCustomers: {
    missing: "Enter how you will work with customers, local stakeholders and frontline staff",
    name: "Your answer on working with customers",
  },
  improvementPlan: {
    missing: "Enter how you will draft an improvement plan after using the Toolkit",
    name: "Your answer on the improvement plan",
  },
  deliveringWithPartners: {
    missing: "Enter how you will work with customers and other partners to deliver these improvements",
    name: "Your answer on delivering improvements with partners",
  },
  impact: {
    missing: "Enter how you will show the pilot’s impact on customers’ experience",
    name: "Your answer on impact",
  },
  regionalChampion: {
    missing: "Enter how you will act as regional champion and mentor to other local authorities",
    name: "Your answer on being regional champion",
  },
  dissemination: {
    missing: "Enter how you will design and deliver the dissemination of learning",
    name: "Your answer on dissemination",
  },
  trackingOutcomes: {
    missing: "Enter how you will track and evaluate the pilot’s outcomes",
    name: "Your answer on tracking outcomes",
  },
  learningOutcomes: {
    missing: "Enter how you will identify learning outcomes to help develop the Toolkit",
    name: "Your answer on learning outcomes",
  },
  focusAreaReason: {
    missing: "Enter why the pilot is well placed to focus on this area",
    name: "Your reason for the focus area",
  },
  valueForMoney: { missing: COST_MESSAGES.valueForMoney, name: "Your value for money statement" },
  chiefExecutiveStatement: {
    missing: "Enter the chief executive’s line statement",
    name: "The chief executive’s statement",
  },
  learningOutcomesNote: {
    missing: "Enter how you will identify learning outcomes and share that learning as regional champion",
    name: "Your note on learning outcomes",
  },
  readiness: {
    missing: "Enter how you will be ready to begin the pilot by the end of September 2009",
    name: "Your statement on readiness",
  },
  links: {
    missing: "Enter how the pilot will link with Total Place, Customer Service Excellence and other pilots",
    name: "Your paragraph on links with other work",
  },
};

function writtenAnswer(sectionId: SectionId, name: string) {
  const { maxCharacters, wordLimit } = question(sectionId, name, "textarea") as TextareaQuestion;
  const messages = LONG_ANSWER_MESSAGES[name];
  if (!messages) throw new Error(`No messages for ${name}`);
  return z
    .string({ error: messages.missing })
    .refine(characterLimit(maxCharacters), {
      error: `${messages.name} must be ${formatCount(maxCharacters)} characters or fewer`,
    })
    .superRefine((value, ctx) => {
      // R-31 The supporting statements' own word limits, counted as the live count counts.
      const words = countWords(value);
      if (wordLimit !== undefined && words > wordLimit) {
        ctx.addIssue({
          code: "custom",
          message: `${messages.name} must be ${formatCount(wordLimit)} words or fewer – you have ${formatWordCount(words)}`,
        });
      }
    });
}

const longAnswer = (sectionId: SectionId, name: string) =>
  z.preprocess(blankToUndefined, writtenAnswer(sectionId, name));
const optionalLongAnswer = (sectionId: SectionId, name: string) =>
  z.preprocess(blankToUndefined, writtenAnswer(sectionId, name).optional());

function shortAnswer(sectionId: SectionId, name: string, missing: string, called: string) {
  const { maxCharacters } = question(sectionId, name, "text") as TextQuestion;
  return requiredText(missing, maxCharacters, `${called} must be ${formatCount(maxCharacters)} characters or fewer`);
}

/** A short answer in an add-another row: its cap comes from the row's question. */
function rowTextLimit(sectionId: SectionId, listName: string, name: string, called: (n: number) => string) {
  const { maxCharacters } = rowField(sectionId, listName, name, "text") as TextQuestion;
  const tooLong = perRow((n) => `${called(n)} must be ${formatCount(maxCharacters)} characters or fewer`);
  return { maxCharacters, tooLong };
}

function rowText(
  sectionId: SectionId,
  listName: string,
  name: string,
  messages: { missing: (n: number) => string; called: (n: number) => string },
) {
  const { maxCharacters, tooLong } = rowTextLimit(sectionId, listName, name, messages.called);
  return requiredText(perRow(messages.missing), maxCharacters, tooLong);
}

function optionalRowText(sectionId: SectionId, listName: string, name: string, called: (n: number) => string) {
  const { maxCharacters, tooLong } = rowTextLimit(sectionId, listName, name, called);
  return optionalText(maxCharacters, tooLong);
}

/** Each section's answers are checked as the officer sees them: hidden answers play no part. */
function sectionSchema<Shape extends z.ZodType>(sectionId: SectionId, shape: Shape) {
  const section = sectionById(sectionId);
  return z.preprocess(
    (value) =>
      visibleAnswers(section, typeof value === "object" && value !== null ? (value as SectionAnswers) : undefined),
    shape,
  );
}


// ---------------------------------------------------------------------------------------
// Section 1: About the bid

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TELEPHONE = /^\+?[\d\s()-]+$/;
const telephoneDigits = (value: string) => value.replace(/\D/g, "").length;

const partnerRow = z.object({
  name: rowText("about-the-bid", "partners", "name", {
    missing: (n) => `Enter the name of partner ${n}`,
    called: (n) => `Name of partner ${n}`,
  }),
  sector: choice(isPartnerSector, perRow((n) => `Select the sector of partner ${n}`)),
  kind: choice(isPartnershipKind, perRow((n) => `Select the kind of partnership with partner ${n}`)),
});

export const aboutTheBidSchema = sectionSchema(
  "about-the-bid",
  z
    .object({
      region: choice(isRegion, "Select the lead authority’s region"),
      authorityType: choice(isAuthorityType, "Select the type of authority the lead authority is"),
      setting: choice(isSetting, "Select whether the pilot area is rural, urban or mixed"),
      trackRecord: choice(isTrackRecord, "Select which best describes the lead authority’s customer service"),
      hasPartners: choice(isYesNo, "Select yes if this bid is from a partnership"),
      partners: rowList(partnerRow, 20, "You can add up to 20 partners"),
      contactName: shortAnswer("about-the-bid", "contactName", "Enter the full name of the named contact", "Full name"),
      contactRole: shortAnswer("about-the-bid", "contactRole", "Enter the named contact’s job title", "Job title"),
      contactEmail: z.preprocess(
        blankToUndefined,
        z
          .string({ error: "Enter the named contact’s email address" })
          .refine(characterLimit(254), { error: "Email address must be 254 characters or fewer" })
          .regex(EMAIL, { error: "Enter an email address in the correct format, like name@example.com" }),
      ),
      contactPhone: z.preprocess(
        blankToUndefined,
        z
          .string({ error: "Enter the named contact’s telephone number" })
          .refine((value) => TELEPHONE.test(value) && telephoneDigits(value) >= 10 && telephoneDigits(value) <= 15, {
            error: "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
          }),
      ),
    })
    .superRefine((answers, ctx) => {
      if (answers.hasPartners === "yes" && isBlank(answers.partners)) {
        ctx.addIssue({ code: "custom", path: ["partners"], message: "Add at least one partner" });
      }
    }, always),
);

// ---------------------------------------------------------------------------------------
// Section 2: Using the Toolkit (point 1, R-5)

export const toolkitUseSchema = sectionSchema(
  "toolkit-use",
  z
    .object({
      themes: checkboxes(isTheme, { missing: "Select at least one theme", invalid: "Select themes from the list" }),
      pledgeScope: optionalChoice(isPledgeScope, "Select what you will apply the service and remedy pledge to"),
      partnershipKinds: checkboxes(isPartnershipKind, { invalid: "Select partnership arrangements from the list" }),
      toolkitUse: longAnswer("toolkit-use", "toolkitUse"),
    })
    .superRefine((answers, ctx) => {
      const themes = toList(answers.themes);
      if (themes.includes("pledge") && isBlank(answers.pledgeScope)) {
        ctx.addIssue({
          code: "custom",
          path: ["pledgeScope"],
          message: "Select what you will apply the service and remedy pledge to",
        });
      }
      if (themes.includes("partnerships") && isBlank(answers.partnershipKinds)) {
        ctx.addIssue({
          code: "custom",
          path: ["partnershipKinds"],
          message: "Select at least one partnership arrangement the pilot will look at",
        });
      }
    }, always),
);

// ---------------------------------------------------------------------------------------
// Sections 3 to 8: the written points

export const leadershipSchema = sectionSchema(
  "leadership",
  z.object({ leadership: longAnswer("leadership", "leadership") }),
);

export const customersAndImprovementPlanSchema = sectionSchema(
  "customers-and-improvement-plan",
  z.object({
    workingWithCustomers: longAnswer("customers-and-improvement-plan", "workingWithCustomers"),
    improvementPlan: longAnswer("customers-and-improvement-plan", "improvementPlan"),
  }),
);

export const deliveringWithPartnersSchema = sectionSchema(
  "delivering-with-partners",
  z.object({ deliveringWithPartners: longAnswer("delivering-with-partners", "deliveringWithPartners") }),
);

export const impactSchema = sectionSchema("impact", z.object({ impact: longAnswer("impact", "impact") }));

export const regionalChampionSchema = sectionSchema(
  "regional-champion",
  z.object({
    regionalChampion: longAnswer("regional-champion", "regionalChampion"),
    dissemination: longAnswer("regional-champion", "dissemination"),
  }),
);

export const evaluationAndLearningSchema = sectionSchema(
  "evaluation-and-learning",
  z.object({
    trackingOutcomes: longAnswer("evaluation-and-learning", "trackingOutcomes"),
    learningOutcomes: longAnswer("evaluation-and-learning", "learningOutcomes"),
  }),
);

// ---------------------------------------------------------------------------------------
// Section 9: Focus area (R-6: none, or exactly one)

const NO_FOCUS_AREA = "none";
const isFocusAreaOrNone = (value: unknown): value is FocusArea | typeof NO_FOCUS_AREA =>
  value === NO_FOCUS_AREA || isFocusArea(value);

export const focusAreaSchema = sectionSchema(
  "focus-area",
  z
    .object({
      focusArea: z.preprocess(
        (value) => (Array.isArray(value) && value.length === 1 ? blankToUndefined(value[0]) : blankToUndefined(value)),
        oneOf(isFocusAreaOrNone, (issue) =>
          Array.isArray(issue.input) && issue.input.length > 1
            ? "Select one focus area at most"
            : "Select a focus area, or select that the pilot will not focus on one",
        ),
      ),
      focusAreaReason: optionalLongAnswer("focus-area", "focusAreaReason"),
    })
    .superRefine((answers, ctx) => {
      if (isFocusArea(answers.focusArea) && isBlank(answers.focusAreaReason)) {
        ctx.addIssue({
          code: "custom",
          path: ["focusAreaReason"],
          message: LONG_ANSWER_MESSAGES.focusAreaReason!.missing,
        });
      }
    }, always),
);

// ---------------------------------------------------------------------------------------
// Section 10: Supporting documents

const costRow = z.object({
  description: rowText("supporting-documents", "costs", "description", {
    missing: COST_MESSAGES.description,
    called: (n) => `Description of cost ${n}`,
  }),
  category: choice(isCostCategory, perRow(COST_MESSAGES.category)),
  amount: z.preprocess(
    (value) => (typeof value === "number" ? String(value) : blankToUndefined(value)),
    z.string({ error: perRow((n) => `Enter the amount for cost ${n}`) }),
  ),
  fundedBy: choice((value): value is "clg" | "other" => value === "clg" || value === "other", perRow(COST_MESSAGES.fundedBy)),
  otherSource: optionalRowText("supporting-documents", "costs", "otherSource", (n) => `Name of the other source for cost ${n}`),
});

const costsSchema = rowList(costRow, MAXIMUM_COST_LINES, COST_MESSAGES.tooManyLines, (rows, ctx) => {
  // R-33 R-73 Each amount is read into pence with a message naming its line.
  rows.forEach((row, index) => {
    const n = index + 1;
    if (typeof row?.amount === "string") {
      const parsed = parseMoney(row.amount, { subject: `amount for cost ${n}` });
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", path: [index, "amount"], message: parsed.error });
      } else if (parsed.pence === 0) {
        ctx.addIssue({ code: "custom", path: [index, "amount"], message: COST_MESSAGES.amount(n) });
      }
    }
    if (row?.fundedBy === "other" && isBlank(row.otherSource)) {
      ctx.addIssue({ code: "custom", path: [index, "otherSource"], message: COST_MESSAGES.otherSource(n) });
    }
  });
})
  .transform((rows): CostLine[] =>
    rows.map((row) => {
      const parsed = parseMoney(row.amount);
      return {
        description: row.description,
        category: row.category,
        amountPence: parsed.ok ? parsed.pence : Number.NaN,
        fundedBy: row.fundedBy === "clg" ? "clg" : { other: row.otherSource ?? "" },
      };
    }),
  )
  .superRefine((lines, ctx) => {
    // R-33 The totals: at least one line, something asked of CLG, and no more than £100,000.
    for (const error of validateCostLines(lines)) {
      ctx.addIssue({ code: "custom", path: error.path.slice(1), message: error.text });
    }
  });

const pastAwardYear = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : blankToUndefined(value)),
  z
    .string({ error: perRow((n) => `Enter the year of award or review ${n}`) })
    .regex(/^\d{4}$/, { error: perRow((n) => `Year of award or review ${n} must be a year, like 2008`) })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(PAST_AWARD_YEARS.earliest, {
          error: perRow(
            (n) => `Year of award or review ${n} must be between ${PAST_AWARD_YEARS.earliest} and ${PAST_AWARD_YEARS.latest}`,
          ),
        })
        .max(PAST_AWARD_YEARS.latest, {
          error: perRow(
            (n) => `Year of award or review ${n} must be between ${PAST_AWARD_YEARS.earliest} and ${PAST_AWARD_YEARS.latest}`,
          ),
        }),
    ),
);

const pastAwardRow = z.object({
  award: choice(isPastAward, perRow((n) => `Select the name of award or review ${n}`)),
  otherAward: optionalRowText("supporting-documents", "pastAwards", "otherAward", (n) => `Name of award or review ${n}`),
  year: pastAwardYear,
  outcome: rowText("supporting-documents", "pastAwards", "outcome", {
    missing: (n) => `Enter the outcome of award or review ${n}`,
    called: (n) => `Outcome of award or review ${n}`,
  }),
});

const pastAwardsSchema = rowList(pastAwardRow, 20, "You can add up to 20 awards or reviews", (rows, ctx) => {
  rows.forEach((row, index) => {
    if (row?.award === "other" && isBlank(row.otherAward)) {
      ctx.addIssue({
        code: "custom",
        path: [index, "otherAward"],
        message: `Enter the name of award or review ${index + 1}`,
      });
    }
  });
});

export const supportingDocumentsSchema = sectionSchema(
  "supporting-documents",
  z
    .object({
      costs: costsSchema,
      valueForMoney: longAnswer("supporting-documents", "valueForMoney"),
      chiefExecutiveName: shortAnswer(
        "supporting-documents",
        "chiefExecutiveName",
        "Enter the chief executive’s full name",
        "Chief executive’s full name",
      ),
      chiefExecutiveStatement: longAnswer("supporting-documents", "chiefExecutiveStatement"),
      learningOutcomesNote: longAnswer("supporting-documents", "learningOutcomesNote"),
      readiness: longAnswer("supporting-documents", "readiness"),
      links: longAnswer("supporting-documents", "links"),
      hasPastAwards: choice(
        isYesNo,
        "Select yes if the authority has undertaken or achieved any customer service awards or reviews",
      ),
      pastAwards: pastAwardsSchema,
    })
    .superRefine((answers, ctx) => {
      if (answers.hasPastAwards === "yes" && isBlank(answers.pastAwards)) {
        ctx.addIssue({ code: "custom", path: ["pastAwards"], message: "Add at least one award or review" });
      }
    }, always),
);

// ---------------------------------------------------------------------------------------
// All sections

export const SECTION_SCHEMAS = {
  "about-the-bid": aboutTheBidSchema,
  "toolkit-use": toolkitUseSchema,
  leadership: leadershipSchema,
  "customers-and-improvement-plan": customersAndImprovementPlanSchema,
  "delivering-with-partners": deliveringWithPartnersSchema,
  impact: impactSchema,
  "regional-champion": regionalChampionSchema,
  "evaluation-and-learning": evaluationAndLearningSchema,
  "focus-area": focusAreaSchema,
  "supporting-documents": supportingDocumentsSchema,
} as const satisfies Record<SectionId, z.ZodType>;

/** A section's answers once they pass its schema. */
export type SectionData<Id extends SectionId> = z.output<(typeof SECTION_SCHEMAS)[Id]>;
export type AboutTheBid = SectionData<"about-the-bid">;
export type ToolkitUse = SectionData<"toolkit-use">;
export type FocusAreaAnswers = SectionData<"focus-area">;
export type SupportingDocuments = SectionData<"supporting-documents">;

// ---------------------------------------------------------------------------------------
// R-32 Two A4 pages: sections 2 to 9 share 1,000 words

export interface TwoPageFieldCount {
  sectionId: SectionId;
  field: string;
  label: string;
  words: number;
  characters: number;
}

export interface TwoPageCheck {
  totalWords: number;
  wordLimit: number;
  totalCharacters: number;
  characterLimit: number;
  /** Words in each of sections 2 to 9, in order. */
  bySection: Array<{ sectionId: SectionId; number: number; title: string; words: number }>;
  /** Words and characters in each written answer of sections 2 to 9 the officer is asked. */
  byField: TwoPageFieldCount[];
  withinLimit: boolean;
  /** What is wrong when not within the limit, naming the total. */
  error: string | null;
}

/**
 * R-32 Counts the words of the outline (the written answers of sections 2 to 9, as shown)
 * with the live count's own counting, and checks the shared limit.
 */
export function checkTwoPageLimit(answers: EoiAnswers): TwoPageCheck {
  const byField: TwoPageFieldCount[] = [];
  const bySection: TwoPageCheck["bySection"] = [];
  for (const section of TWO_PAGE_SECTIONS) {
    const visible = visibleAnswers(section, answers[section.id]);
    let sectionWords = 0;
    for (const candidate of section.questions) {
      if (candidate.kind !== "textarea" || !(candidate.name in visible)) continue;
      const text = visible[candidate.name];
      const value = typeof text === "string" ? text.trim() : "";
      const words = countWords(value);
      sectionWords += words;
      byField.push({
        sectionId: section.id,
        field: candidate.name,
        label: candidate.label,
        words,
        characters: countCharacters(value),
      });
    }
    bySection.push({ sectionId: section.id, number: section.number, title: section.title, words: sectionWords });
  }
  const totalWords = byField.reduce((sum, field) => sum + field.words, 0);
  const totalCharacters = byField.reduce((sum, field) => sum + field.characters, 0);
  const error =
    totalWords > TWO_PAGE_WORD_LIMIT
      ? `Sections 2 to 9 must be ${formatCount(TWO_PAGE_WORD_LIMIT)} words or fewer – you have ${formatWordCount(totalWords)}`
      : totalCharacters > TWO_PAGE_CHARACTER_LIMIT
        ? `Sections 2 to 9 must be ${formatCount(TWO_PAGE_CHARACTER_LIMIT)} characters or fewer – you have ${formatCharacterCount(totalCharacters)}`
        : null;
  return {
    totalWords,
    wordLimit: TWO_PAGE_WORD_LIMIT,
    totalCharacters,
    characterLimit: TWO_PAGE_CHARACTER_LIMIT,
    bySection,
    byField,
    withinLimit: error === null,
    error,
  };
}

// ---------------------------------------------------------------------------------------
// Validating a section, or one page of it, for the action and the browser

export type FieldErrors = Record<string, string>;

export type SectionValidation<Id extends SectionId> =
  | { ok: true; data: SectionData<Id>; errors: []; fieldErrors: FieldErrors }
  | { ok: false; errors: ErrorSummaryItem[]; fieldErrors: FieldErrors };

interface Issue {
  path: Array<string | number>;
  text: string;
}

/** Issues in page order: by question, then row, then the field's place in its row. */
function inPageOrder(sectionId: SectionId, issues: Issue[]): Issue[] {
  const section = sectionById(sectionId);
  const rank = (issue: Issue): number[] => {
    const [name, row, field] = issue.path;
    const questionIndex = section.questions.findIndex((candidate) => candidate.name === name);
    const list = section.questions[questionIndex];
    const fieldIndex =
      list?.kind === "add-another" ? list.fields.findIndex((candidate) => candidate.name === field) : -1;
    return [questionIndex, typeof row === "number" ? row : -1, fieldIndex];
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

function toErrors(issues: Issue[]): { errors: ErrorSummaryItem[]; fieldErrors: FieldErrors } {
  const errors: ErrorSummaryItem[] = [];
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const id = fieldId(issue.path);
    if (id in fieldErrors) continue; // one message per field, the first in page order
    fieldErrors[id] = issue.text;
    errors.push({ text: issue.text, href: `#${id}` });
  }
  return { errors, fieldErrors };
}

function sectionIssues(
  sectionId: SectionId,
  answers: SectionAnswers | undefined,
  eoiAnswers?: EoiAnswers,
  onPage?: readonly string[],
) {
  const result = SECTION_SCHEMAS[sectionId].safeParse(answers ?? {});
  const issues: Issue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: issue.path.filter((segment): segment is string | number => typeof segment !== "symbol"),
        text: issue.message,
      }));

  const section = sectionById(sectionId);
  if (eoiAnswers && section.countsTowardTwoPageLimit) {
    // R-32 The shared limit, judged with this section's new answers in place of its saved ones.
    const check = checkTwoPageLimit({ ...eoiAnswers, [sectionId]: answers ?? {} });
    if (check.error) {
      // Shown on a written answer of this section (of this page, if only a page is checked),
      // the first with words in it.
      const written = section.questions
        .filter((candidate) => candidate.kind === "textarea")
        .map((candidate) => candidate.name)
        .filter((name) => !onPage || onPage.includes(name));
      const withWords = written.find((name) =>
        check.byField.some((field) => field.sectionId === sectionId && field.field === name && field.words > 0),
      );
      const target = withWords ?? written[0];
      if (target) issues.push({ path: [target], text: check.error });
    }
  }
  return { result, issues: inPageOrder(sectionId, issues) };
}

/**
 * R-31 R-32 Checks a whole section. Pass the expression of interest's saved answers as
 * `eoiAnswers` to include R-32's shared limit across sections 2 to 9.
 */
export function validateSection<Id extends SectionId>(
  sectionId: Id,
  answers: SectionAnswers | undefined,
  options: { eoiAnswers?: EoiAnswers } = {},
): SectionValidation<Id> {
  const { result, issues } = sectionIssues(sectionId, answers, options.eoiAnswers);
  if (result.success && issues.length === 0) {
    return { ok: true, data: result.data as SectionData<Id>, errors: [], fieldErrors: {} };
  }
  return { ok: false, ...toErrors(issues) };
}

/**
 * R-34 Checks only the questions on one page of a section (by name), so an officer can save
 * a page without answering the rest of the section yet.
 */
export function validateFields(
  sectionId: SectionId,
  answers: SectionAnswers | undefined,
  fields: readonly string[],
  options: { eoiAnswers?: EoiAnswers } = {},
): { ok: boolean; errors: ErrorSummaryItem[]; fieldErrors: FieldErrors } {
  const { issues } = sectionIssues(sectionId, answers, options.eoiAnswers, fields);
  const onPage = issues.filter((issue) => fields.includes(String(issue.path[0])));
  return { ok: onPage.length === 0, ...toErrors(onPage) };
}

/** R-31 Whether a section's answers are complete and valid on their own. */
export function isSectionValid(sectionId: SectionId, answers: SectionAnswers | undefined): boolean {
  return SECTION_SCHEMAS[sectionId].safeParse(answers ?? {}).success;
}

export { NO_FOCUS_AREA };

// R-40 R-41 R-42 R-73 The sift's forms: one zod schema each, client-safe, used by the actions.
// Messages follow the GOV.UK error summary style and say exactly what is wrong.

import { z } from "zod";
import { CRITERION_KEYS, criterionTitle, type CriterionKey, type Score } from "./criteria";

export const CONFLICT_REASON_LIMIT = 1_000;
export const JUSTIFICATION_LIMIT = 3_000;
export const MODERATION_REASON_LIMIT = 3_000;

/** A form's problems as [field id, message], in the order the fields are on the page. */
export type Problems = Array<[field: string, message: string]>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; problems: Problems };

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

function fromZod<T>(result: { success: true; data: T } | { success: false; error: z.ZodError }, idOf: (path: PropertyKey[]) => string): FormResult<T> {
  if (result.success) return { ok: true, value: result.data };
  const problems: Problems = [];
  for (const issue of result.error.issues) {
    const id = idOf(issue.path);
    if (!problems.some(([field]) => field === id)) problems.push([id, issue.message]);
  }
  return { ok: false, problems };
}

const wholeNumberId = (message: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,9}$/, { error: message })
    .transform(Number);

// ---------------------------------------------------------------------------------------
// R-40 An assessor declares a conflict of interest with a lead authority

export const conflictSchema = z.object({
  authorityId: wholeNumberId("Select the local authority you have a conflict of interest with"),
  reason: z
    .string()
    .trim()
    .min(1, { error: "Enter the reason for the conflict of interest" })
    .max(CONFLICT_REASON_LIMIT, { error: `Reason must be ${CONFLICT_REASON_LIMIT.toLocaleString("en-GB")} characters or fewer` }),
});
export type ConflictForm = z.output<typeof conflictSchema>;

export function readConflictForm(form: FormData): FormResult<ConflictForm> {
  return fromZod(conflictSchema.safeParse({ authorityId: text(form, "authorityId"), reason: text(form, "reason") }), (path) => String(path[0]));
}

// ---------------------------------------------------------------------------------------
// R-40 The programme manager chooses a bid's two assessors by hand

export const handAssignmentSchema = z
  .object({
    firstAssessorId: wholeNumberId("Select the first assessor"),
    secondAssessorId: wholeNumberId("Select the second assessor"),
  })
  .refine((value) => value.firstAssessorId !== value.secondAssessorId, {
    path: ["secondAssessorId"],
    error: "Select two different assessors",
  });
export type HandAssignmentForm = z.output<typeof handAssignmentSchema>;

export function readHandAssignmentForm(form: FormData): FormResult<HandAssignmentForm> {
  return fromZod(
    handAssignmentSchema.safeParse({ firstAssessorId: text(form, "firstAssessorId"), secondAssessorId: text(form, "secondAssessorId") }),
    (path) => String(path[0]),
  );
}

// ---------------------------------------------------------------------------------------
// R-41 An assessor's scores: 0–4 for each criterion with a written justification

export const scoreFieldId = (key: CriterionKey) => `score-${key}`;
export const justificationFieldId = (key: CriterionKey) => `justification-${key}`;

export type ScoreIntent = "draft" | "complete";

export interface ScoreForm {
  intent: ScoreIntent;
  scores: Record<CriterionKey, { score: Score | null; justification: string }>;
  /** The version the assessor started from, so a save from a stale page is noticed. */
  basedOnVersion: number;
}

const SCORE_VALUE = /^[0-4]$/;
const scoreMessage = (title: string) => `Score for ${title} must be a whole number from 0 to 4`;

// R-41 R-73 Saving as a draft keeps whatever is there (a score outside 0–4 is still refused);
// marking complete needs a score and a written justification for every criterion.
export function scoreFormSchema(intent: ScoreIntent) {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const key of CRITERION_KEYS) {
    const title = criterionTitle(key).toLowerCase();
    const tooLong = `Justification for ${title} must be ${JUSTIFICATION_LIMIT.toLocaleString("en-GB")} characters or fewer`;
    shape[scoreFieldId(key)] =
      intent === "complete"
        ? z.string().trim().min(1, { error: `Select a score for ${title}` }).regex(SCORE_VALUE, { error: scoreMessage(title) })
        : z.string().trim().regex(/^([0-4])?$/, { error: scoreMessage(title) });
    shape[justificationFieldId(key)] =
      intent === "complete"
        ? z.string().trim().min(1, { error: `Enter a justification for the score for ${title}` }).max(JUSTIFICATION_LIMIT, { error: tooLong })
        : z.string().trim().max(JUSTIFICATION_LIMIT, { error: tooLong });
  }
  shape.basedOnVersion = z.string().regex(/^\d{1,9}$/, { error: "The form was out of date. Reload the page and try again" });
  return z.object(shape).transform(
    (fields): ScoreForm => ({
      intent,
      basedOnVersion: Number(fields.basedOnVersion),
      scores: Object.fromEntries(
        CRITERION_KEYS.map((key) => {
          const raw = fields[scoreFieldId(key)]!;
          return [key, { score: raw === "" ? null : (Number(raw) as Score), justification: fields[justificationFieldId(key)]! }];
        }),
      ) as ScoreForm["scores"],
    }),
  );
}

export function readScoreForm(form: FormData): FormResult<ScoreForm> {
  const intent: ScoreIntent = text(form, "intent") === "complete" ? "complete" : "draft";
  const fields: Record<string, string> = { basedOnVersion: text(form, "basedOnVersion") };
  for (const key of CRITERION_KEYS) {
    fields[scoreFieldId(key)] = text(form, scoreFieldId(key));
    fields[justificationFieldId(key)] = text(form, justificationFieldId(key));
  }
  return fromZod(scoreFormSchema(intent).safeParse(fields), (path) => String(path[0]));
}

/** The values typed into the scoring form, to put back on the page with the errors. */
export function scoreFormValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of CRITERION_KEYS) {
    values[scoreFieldId(key)] = text(form, scoreFieldId(key));
    values[justificationFieldId(key)] = text(form, justificationFieldId(key));
  }
  return values;
}

// ---------------------------------------------------------------------------------------
// R-41 The programme manager's weights

export const weightFieldId = (key: CriterionKey) => `weight-${key}`;

export const weightsSchema = z
  .object(
    Object.fromEntries(
      CRITERION_KEYS.map((key) => {
        const title = criterionTitle(key).toLowerCase();
        return [
          weightFieldId(key),
          z
            .string()
            .trim()
            .transform((raw) => raw.replace(/\s*%$/, ""))
            .pipe(
              z
                .string()
                .min(1, { error: `Enter a weight for ${title}` })
                .regex(/^\d{1,3}$/, { error: `Weight for ${title} must be a whole number from 0 to 100` })
                .transform(Number)
                .pipe(z.number().max(100, { error: `Weight for ${title} must be a whole number from 0 to 100` })),
            ),
        ];
      }),
    ),
  )
  .transform((fields) => Object.fromEntries(CRITERION_KEYS.map((key) => [key, fields[weightFieldId(key)]!])) as Record<CriterionKey, number>)
  .superRefine((weights, ctx) => {
    // R-41 the weights are shares of 100 points.
    const total = CRITERION_KEYS.reduce((sum, key) => sum + weights[key], 0);
    if (total !== 100) ctx.addIssue({ code: "custom", path: [weightFieldId(CRITERION_KEYS[0]!)], message: `The weights must add up to 100%. They add up to ${total}%` });
  });

export function readWeightsForm(form: FormData): FormResult<Record<CriterionKey, number>> {
  return fromZod(weightsSchema.safeParse(Object.fromEntries(CRITERION_KEYS.map((key) => [weightFieldId(key), text(form, weightFieldId(key))]))), (path) => String(path[0]));
}

// ---------------------------------------------------------------------------------------
// R-42 The programme manager's agreed scores and reason

export const agreedFieldId = (key: CriterionKey) => `agreed-${key}`;

export interface ModerationForm {
  scores: Record<CriterionKey, Score>;
  reason: string;
}

export const moderationSchema = z
  .object({
    ...Object.fromEntries(
      CRITERION_KEYS.map((key) => {
        const title = criterionTitle(key).toLowerCase();
        return [
          agreedFieldId(key),
          z
            .string()
            .trim()
            .min(1, { error: `Select the agreed score for ${title}` })
            .regex(SCORE_VALUE, { error: `Agreed score for ${title} must be a whole number from 0 to 4` }),
        ];
      }),
    ),
    reason: z
      .string()
      .trim()
      .min(1, { error: "Enter the reason for the agreed scores" })
      .max(MODERATION_REASON_LIMIT, { error: `Reason must be ${MODERATION_REASON_LIMIT.toLocaleString("en-GB")} characters or fewer` }),
  })
  .transform((fields): ModerationForm => {
    const values = fields as Record<string, string>;
    return {
      scores: Object.fromEntries(CRITERION_KEYS.map((key) => [key, Number(values[agreedFieldId(key)]) as Score])) as Record<CriterionKey, Score>,
      reason: values.reason!,
    };
  });

export function readModerationForm(form: FormData): FormResult<ModerationForm> {
  const fields: Record<string, string> = { reason: text(form, "reason") };
  for (const key of CRITERION_KEYS) fields[agreedFieldId(key)] = text(form, agreedFieldId(key));
  return fromZod(moderationSchema.safeParse(fields), (path) => String(path[0]));
}

// ---------------------------------------------------------------------------------------
// R-43 The programme manager locks candidates in or rules them out

export const lockFieldId = (eoiId: number) => `lock-${eoiId}`;
export type LockChoice = "in" | "out";

const lockSchema = z.enum(["", "in", "out"], { error: "Choose whether to lock the bid in, rule it out or let the selection decide" });

/** The locks chosen on the selection page, for the candidates it showed. */
export function readLocksForm(form: FormData, eoiIds: readonly number[]): FormResult<Record<number, LockChoice>> {
  const shape = Object.fromEntries(eoiIds.map((id) => [lockFieldId(id), lockSchema]));
  const fields = Object.fromEntries(eoiIds.map((id) => [lockFieldId(id), text(form, lockFieldId(id))]));
  const result = fromZod(z.object(shape).safeParse(fields), (path) => String(path[0]));
  if (!result.ok) return result;
  const locks: Record<number, LockChoice> = {};
  for (const id of eoiIds) {
    const value = (result.value as Record<string, string>)[lockFieldId(id)];
    if (value === "in" || value === "out") locks[id] = value;
  }
  return { ok: true, value: locks };
}

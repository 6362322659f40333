import { z } from "zod";
import { readInstant } from "./instant";
import { formatMoney } from "../money";
import {
  AUTHORITY_TYPES,
  DEFAULT_BUDGET_PENCE,
  FOCUS_AREAS,
  LOCKS,
  MAX_ID_LENGTH,
  MAX_REQUEST_PENCE,
  REGIONS,
  SETTINGS,
  THEMES,
  TRACKS,
  type SelectionInput,
  type SelectionProblem,
} from "./types";

// R-45 the selection's JSON format (docs/selection.md). Every problem is reported with its
// JSON path, written `candidates[3].region`, so a programme team can find it in their file.

export type SelectionValidation = { ok: true; input: SelectionInput } | { ok: false; problems: SelectionProblem[] };

type Issue = { input?: unknown };

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object") return "an object";
  return typeof value;
}

/** The message for a value of the wrong type, or a missing one. */
function expecting(what: string) {
  return (issue: Issue) =>
    issue.input === undefined ? `is required (${what})` : `must be ${what}, not ${describe(issue.input)}`;
}

/** The message for a value outside a closed list: `unknown region "Wessex"`. */
function unknownValue(noun: string, what: string) {
  return (issue: Issue) =>
    issue.input === undefined
      ? `is required (${what})`
      : typeof issue.input === "string"
      ? `unknown ${noun} ${JSON.stringify(issue.input)}`
      : `must be ${what}, not ${describe(issue.input)}`;
}

/** `"a", "b" or "c"` */
const either = (values: readonly string[]) =>
  `${values
    .slice(0, -1)
    .map((value) => `"${value}"`)
    .join(", ")} or "${values[values.length - 1]}"`;
const oneOf = (values: readonly string[]) => (values.length === 2 ? either(values) : `one of ${either(values)}`);

const custom = (ctx: z.RefinementCtx, message: string, path: (string | number)[] = []) =>
  ctx.addIssue({ code: "custom", message, path });

// R-1 the budget defaults to the £900,000 fund.
const budgetSchema = z.number({ error: expecting("a whole number of pence, 0 or more") }).superRefine((pence, ctx) => {
  if (!Number.isSafeInteger(pence) || pence < 0)
    custom(ctx, `must be a whole number of pence, 0 or more, not ${pence}`);
});

// R-45 ids: non-empty ASCII, at most 64 characters (references look like RTP-EOI-7KD3QF).
const idSchema = z
  .string({ error: expecting(`a non-empty ASCII string of at most ${MAX_ID_LENGTH} characters`) })
  .superRefine((id, ctx) => {
    if (id.length === 0) custom(ctx, "must not be empty");
    else if (id.length > MAX_ID_LENGTH)
      custom(ctx, `is ${id.length} characters long; at most ${MAX_ID_LENGTH} are allowed`);
    else if (!/^[\x00-\x7f]*$/.test(id)) custom(ctx, `${JSON.stringify(id)} has characters outside ASCII`);
  });

const regionSchema = z.enum(REGIONS, { error: unknownValue("region", "one of the nine regions of R-2") }); // R-2
const authorityTypeSchema = z.enum(AUTHORITY_TYPES, {
  error: unknownValue("authority type", oneOf(AUTHORITY_TYPES)),
}); // R-4
const settingSchema = z.enum(SETTINGS, { error: unknownValue("setting", oneOf(SETTINGS)) });
const trackSchema = z.enum(TRACKS, { error: unknownValue("track", oneOf(TRACKS)) });

// R-5 a bid addresses one, two or all three themes.
const themesSchema = z
  .array(z.enum(THEMES, { error: unknownValue("theme", oneOf(THEMES)) }), {
    error: expecting(`a list of one to three themes (${either(THEMES)})`),
  })
  .superRefine((themes, ctx) => {
    if (themes.length === 0) custom(ctx, `must name at least one theme (${either(THEMES)})`);
    themes.forEach((theme, index) => {
      if (themes.indexOf(theme) < index) custom(ctx, `theme "${theme}" is repeated`, [index]);
    });
  });

// R-6 at most one focus area; null or absent means none.
const focusSchema = z
  .enum(FOCUS_AREAS, { error: unknownValue("focus", `${oneOf(FOCUS_AREAS)}, or null for none`) })
  .nullable()
  .optional();

// R-1, R-33 a CLG request is whole pence, at most £100,000.
const requestSchema = z
  .number({ error: expecting(`a whole number of pence from 1 to ${MAX_REQUEST_PENCE}`) })
  .superRefine((pence, ctx) => {
    if (!Number.isInteger(pence)) custom(ctx, `must be a whole number of pence, not ${pence}`);
    else if (pence < 1) custom(ctx, `must be at least 1 penny, not ${pence}`);
    else if (pence > MAX_REQUEST_PENCE)
      custom(ctx, `${pence} pence (${formatMoney(pence)}) is over the £100,000 limit of R-1`);
  });

// R-41 a score is out of 100; compared exactly as whole hundredths.
const scoreSchema = z.number({ error: expecting("a number from 0 to 100") }).superRefine((score, ctx) => {
  if (score < 0 || score > 100) custom(ctx, `must be from 0 to 100, not ${score}`);
  else if (!hasAtMostTwoDecimals(score)) custom(ctx, `${score} has more than two decimals`);
});

export function hasAtMostTwoDecimals(score: number): boolean {
  return Math.abs(score * 100 - Math.round(score * 100)) < 1e-7;
}

/** A score as whole hundredths, the unit the solver compares. */
export function scoreInHundredths(score: number): number {
  return Math.round(score * 100);
}

// R-43 ties go to the earlier submission: an instant with a time zone.
const submittedAtSchema = z
  .string({ error: expecting("an ISO-8601 instant with a time zone, such as 2009-07-16T10:04:00Z") })
  .superRefine((text, ctx) => {
    const reading = readInstant(text);
    if (reading.ok) return;
    if (reading.problem === "no-zone") {
      custom(ctx, `${JSON.stringify(text)} has no time zone; add one, such as Z for UTC or +01:00 for BST`);
    } else {
      custom(ctx, `${JSON.stringify(text)} is not an ISO-8601 instant such as 2009-07-16T10:04:00Z`);
    }
  });

// R-43 the manager may lock a candidate in or rule it out.
const lockSchema = z.enum(LOCKS, { error: unknownValue("lock", `"in" or "out", or left out`) }).optional();

const candidateSchema = z.strictObject(
  {
    id: idSchema,
    region: regionSchema,
    authorityType: authorityTypeSchema,
    setting: settingSchema,
    track: trackSchema,
    themes: themesSchema,
    focus: focusSchema,
    requestPence: requestSchema,
    score: scoreSchema,
    submittedAt: submittedAtSchema,
    lock: lockSchema,
  },
  { error: expecting("an object describing one candidate") }
);

const inputSchema = z.strictObject(
  {
    budgetPence: budgetSchema.optional(),
    candidates: z.array(candidateSchema, { error: expecting("a list of candidates (it may be empty)") }),
  },
  { error: expecting("a JSON object with budgetPence and candidates") }
);

/** `["candidates", 3, "region"]` → `candidates[3].region`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_$][\w$]*$/.test(part)) text += text ? `.${part}` : part;
    else text += `[${JSON.stringify(String(part))}]`;
  }
  return text;
}

function problemsFromZod(error: z.ZodError): { path: PropertyKey[]; message: string }[] {
  const problems: { path: PropertyKey[]; message: string }[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      // R-45 unknown fields, at any level, are errors: one line per field.
      for (const key of issue.keys) problems.push({ path: [...issue.path, key], message: "unknown field" });
    } else {
      problems.push({ path: issue.path, message: issue.message });
    }
  }
  return problems;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The checks across candidates (R-45): a duplicate id (at the later one's `id`), a second
 * candidate locked in in one region (at its `lock`), and locked-in requests over the budget
 * (at `budgetPence`). They run on every field that is itself valid, so one pass reports all.
 */
function problemsAcrossCandidates(raw: unknown, parsed: boolean): { path: PropertyKey[]; message: string }[] {
  if (!isRecord(raw) || !Array.isArray(raw.candidates)) return [];
  // Once the whole input has parsed, every field is known to be valid; otherwise check each one used.
  const valid = (schema: z.ZodType, value: unknown) => parsed || schema.safeParse(value).success;
  const problems: { path: PropertyKey[]; message: string }[] = [];
  const firstWithId = new Map<string, number>();
  const lockedInByRegion = new Map<string, number>();
  let lockedInPence = 0;
  raw.candidates.forEach((candidate: unknown, index) => {
    if (!isRecord(candidate)) return;
    if (valid(idSchema, candidate.id)) {
      const id = candidate.id as string;
      const first = firstWithId.get(id);
      if (first === undefined) firstWithId.set(id, index);
      else
        problems.push({
          path: ["candidates", index, "id"],
          message: `duplicate id ${JSON.stringify(id)} (also candidates[${first}])`,
        });
    }
    if (candidate.lock === "in") {
      if (valid(regionSchema, candidate.region)) {
        const region = candidate.region as string;
        const first = lockedInByRegion.get(region);
        if (first === undefined) lockedInByRegion.set(region, index);
        else
          problems.push({
            path: ["candidates", index, "lock"],
            message: `a second candidate locked in for ${region} (candidates[${first}] is locked in already); R-43 allows one pilot per region`,
          });
      }
      if (valid(requestSchema, candidate.requestPence)) lockedInPence += candidate.requestPence as number;
    }
  });
  const budget = raw.budgetPence === undefined ? DEFAULT_BUDGET_PENCE : raw.budgetPence;
  if (valid(budgetSchema, budget) && lockedInPence > (budget as number)) {
    problems.push({
      path: ["budgetPence"],
      message: `the candidates locked in request ${formatMoney(
        lockedInPence
      )} together, more than the budget of ${formatMoney(budget as number)}`,
    });
  }
  return problems;
}

/** Where a problem sorts: the input's own fields first, then candidate by candidate. */
function sortKey(path: readonly PropertyKey[]): number {
  return path[0] === "candidates" && typeof path[1] === "number" ? path[1] + 1 : 0;
}

// R-45 validate the selection's JSON input; every problem is named by its JSON path.
export function validateSelectionInput(raw: unknown): SelectionValidation {
  const parsed = inputSchema.safeParse(raw);
  const problems = [
    ...(parsed.success ? [] : problemsFromZod(parsed.error)),
    ...problemsAcrossCandidates(raw, parsed.success),
  ];
  if (problems.length > 0 || !parsed.success) {
    const ordered = problems
      .map((problem, order) => ({ ...problem, order }))
      .sort((a, b) => sortKey(a.path) - sortKey(b.path) || a.order - b.order);
    return { ok: false, problems: ordered.map(({ path, message }) => ({ path: formatPath(path), message })) };
  }
  const { budgetPence = DEFAULT_BUDGET_PENCE, candidates } = parsed.data;
  return { ok: true, input: { budgetPence, candidates } };
}

export function describeProblem(problem: SelectionProblem): string {
  return `${problem.path}: ${problem.message}`;
}

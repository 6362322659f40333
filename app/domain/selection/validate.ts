import { z } from "zod";
import { formatMoney } from "../money";
import { readInstantInto, type Instant } from "./instant";
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
  type Candidate,
  type SelectionInput,
  type SelectionProblem,
} from "./types";

// R-45 the selection's JSON format (docs/selection.md). Every problem is reported with its
// JSON path, written `candidates[3].region`, so a programme team can find it in their file.
//
// The zod schema checks the shape: fields, types and closed lists, and no unknown field at any
// level. The rules on a field's value (ranges, decimals, instants) are the small functions
// below, applied to every candidate in one refinement that runs even when other fields are
// wrong, so one pass reports every problem. The rules across candidates come last.

export type SelectionValidation = { ok: true; input: SelectionInput } | { ok: false; problems: SelectionProblem[] };

type Path = (string | number)[];
type Problem = { path: Path; message: string };

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
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `is required (${what})` : `must be ${what}, not ${describe(issue.input)}`;
}

/** The message for a value outside a closed list: `unknown region "Wessex"`. */
function unknownValue(noun: string, what: string) {
  return (issue: { input?: unknown }) =>
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

// ---------------------------------------------------------------------------------------
// The rules on one value: each returns what is wrong, or null.

// R-1 the budget defaults to the £900,000 fund; any whole number of pence is allowed.
export function problemWithBudget(pence: number): string | null {
  return Number.isSafeInteger(pence) && pence >= 0 ? null : `must be a whole number of pence, 0 or more, not ${pence}`;
}

// R-45 ids: non-empty ASCII, at most 64 characters (references look like RTP-EOI-7KD3QF).
export function problemWithId(id: string): string | null {
  if (id.length === 0) return "must not be empty";
  if (id.length > MAX_ID_LENGTH) return `is ${id.length} characters long; at most ${MAX_ID_LENGTH} are allowed`;
  if (!/^[\x00-\x7f]*$/.test(id)) return `${JSON.stringify(id)} has characters outside ASCII`;
  return null;
}

// R-1 R-33 a CLG request is whole pence, at most £100,000.
export function problemWithRequest(pence: number): string | null {
  if (!Number.isInteger(pence)) return `must be a whole number of pence, not ${pence}`;
  if (pence < 1) return `must be at least 1 penny, not ${pence}`;
  if (pence > MAX_REQUEST_PENCE) return `${pence} pence (${formatMoney(pence)}) is over the £100,000 limit of R-1`;
  return null;
}

// R-41 a score is out of 100, compared exactly as whole hundredths.
export function problemWithScore(score: number): string | null {
  if (!(score >= 0 && score <= 100)) return `must be from 0 to 100, not ${score}`;
  if (!hasAtMostTwoDecimals(score)) return `${score} has more than two decimals`;
  return null;
}

export function hasAtMostTwoDecimals(score: number): boolean {
  return Math.abs(score * 100 - Math.round(score * 100)) < 1e-7;
}

/** A score as whole hundredths, the unit the solver compares. */
export function scoreInHundredths(score: number): number {
  return Math.round(score * 100);
}

// R-43 ties go to the earlier submission: an instant with a time zone.
const scratchInstant: Instant = { epochSeconds: 0, nanoseconds: 0 };
export function problemWithSubmittedAt(text: string): string | null {
  const problem = readInstantInto(text, scratchInstant);
  if (problem === null) return null;
  return problem === "no-zone"
    ? `${JSON.stringify(text)} has no time zone; add one, such as Z for UTC or +01:00 for BST`
    : `${JSON.stringify(text)} is not an ISO-8601 instant such as 2009-07-16T10:04:00Z`;
}

// R-5 a bid addresses one, two or all three themes, each once.
function problemsWithThemes(themes: unknown[], at: Path, problems: Problem[]): void {
  if (themes.length === 0) problems.push({ path: at, message: `must name at least one theme (${either(THEMES)})` });
  for (let index = 1; index < themes.length; index++) {
    const theme = themes[index];
    if (typeof theme === "string" && themes.indexOf(theme) < index) {
      problems.push({ path: [...at, index], message: `theme "${theme}" is repeated` });
    }
  }
}

// ---------------------------------------------------------------------------------------
// The shape.

const candidateShape = z.strictObject(
  {
    id: z.string({ error: expecting(`a non-empty ASCII string of at most ${MAX_ID_LENGTH} characters`) }),
    region: z.enum(REGIONS, { error: unknownValue("region", "one of the nine regions of R-2") }), // R-2
    authorityType: z.enum(AUTHORITY_TYPES, { error: unknownValue("authority type", oneOf(AUTHORITY_TYPES)) }), // R-4
    setting: z.enum(SETTINGS, { error: unknownValue("setting", oneOf(SETTINGS)) }),
    track: z.enum(TRACKS, { error: unknownValue("track", oneOf(TRACKS)) }),
    themes: z.array(z.enum(THEMES, { error: unknownValue("theme", oneOf(THEMES)) }), {
      error: expecting(`a list of one to three themes (${either(THEMES)})`),
    }), // R-5
    focus: z
      .enum(FOCUS_AREAS, { error: unknownValue("focus", `${oneOf(FOCUS_AREAS)}, or null for none`) })
      .nullable()
      .optional(), // R-6 at most one focus area
    requestPence: z.number({ error: expecting(`a whole number of pence from 1 to ${MAX_REQUEST_PENCE}`) }),
    score: z.number({ error: expecting("a number from 0 to 100") }),
    submittedAt: z.string({
      error: expecting("an ISO-8601 instant with a time zone, such as 2009-07-16T10:04:00Z"),
    }),
    lock: z.enum(LOCKS, { error: unknownValue("lock", `"in" or "out", or left out`) }).optional(), // R-43 the manager's locks
  },
  { error: expecting("an object describing one candidate") },
);
const CANDIDATE_FIELDS = Object.keys(candidateShape.shape);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The rules on each candidate's values, wherever the value has the right type. */
function candidateValueProblems(candidates: unknown[]): Problem[] {
  const problems: Problem[] = [];
  const add = (index: number, field: string, problem: string | null) => {
    if (problem) problems.push({ path: [index, field], message: problem });
  };
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index];
    if (!isRecord(candidate)) continue;
    if (typeof candidate.id === "string") add(index, "id", problemWithId(candidate.id));
    if (Array.isArray(candidate.themes)) problemsWithThemes(candidate.themes, [index, "themes"], problems);
    if (typeof candidate.requestPence === "number")
      add(index, "requestPence", problemWithRequest(candidate.requestPence));
    if (typeof candidate.score === "number") add(index, "score", problemWithScore(candidate.score));
    if (typeof candidate.submittedAt === "string") {
      add(index, "submittedAt", problemWithSubmittedAt(candidate.submittedAt));
    }
  }
  return problems;
}

const inputSchema = z.strictObject(
  {
    budgetPence: z
      .number({ error: expecting("a whole number of pence, 0 or more") })
      .superRefine((pence, ctx) => {
        const problem = problemWithBudget(pence);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .optional(),
    candidates: z.array(candidateShape, { error: expecting("a list of candidates (it may be empty)") }).superRefine(
      (candidates: unknown, ctx) => {
        if (!Array.isArray(candidates)) return; // reported as the wrong type already
        for (const { path, message } of candidateValueProblems(candidates)) {
          ctx.addIssue({ code: "custom", message, path });
        }
      },
      { when: () => true }, // also when some candidates have the wrong shape
    ),
  },
  { error: expecting("a JSON object with budgetPence and candidates") },
);

// ---------------------------------------------------------------------------------------
// The rules across candidates.

/**
 * A duplicate id (at the later one's `id`); a second candidate locked in in one region (at its
 * `lock`); locked-in requests over the budget (at `budgetPence`). Each uses only values that
 * are valid themselves, so a bad value is reported once, where it is.
 */
function problemsAcrossCandidates(raw: unknown): Problem[] {
  if (!isRecord(raw) || !Array.isArray(raw.candidates)) return [];
  const problems: Problem[] = [];
  const firstWithId = new Map<string, number>();
  const lockedInByRegion = new Map<string, number>();
  let lockedInPence = 0;
  raw.candidates.forEach((candidate: unknown, index) => {
    if (!isRecord(candidate)) return;
    const { id, region, requestPence } = candidate;
    if (typeof id === "string" && !problemWithId(id)) {
      const first = firstWithId.get(id);
      if (first === undefined) firstWithId.set(id, index);
      else
        problems.push({
          path: ["candidates", index, "id"],
          message: `duplicate id ${JSON.stringify(id)} (also candidates[${first}])`,
        });
    }
    if (candidate.lock !== "in") return;
    if (typeof region === "string" && (REGIONS as readonly string[]).includes(region)) {
      const first = lockedInByRegion.get(region);
      if (first === undefined) lockedInByRegion.set(region, index);
      else
        problems.push({
          path: ["candidates", index, "lock"],
          message: `a second candidate locked in for ${region} (candidates[${first}] is locked in already); R-43 allows one pilot per region`,
        });
    }
    if (typeof requestPence === "number" && !problemWithRequest(requestPence)) lockedInPence += requestPence;
  });
  const budget = raw.budgetPence === undefined ? DEFAULT_BUDGET_PENCE : raw.budgetPence;
  if (typeof budget === "number" && !problemWithBudget(budget) && lockedInPence > budget) {
    problems.push({
      path: ["budgetPence"],
      message: `the candidates locked in request ${formatMoney(
        lockedInPence,
      )} together, more than the budget of ${formatMoney(budget)}`,
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------

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

function problemsFromZod(error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path as Path;
    if (issue.code === "unrecognized_keys") {
      // R-45 unknown fields, at any level, are errors: one line per field.
      for (const key of issue.keys) problems.push({ path: [...path, key], message: "unknown field" });
    } else {
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}

/** Problems read in the file's order: the input's own fields, then candidate by candidate, field by field. */
function readingOrder(path: Path): [number, number] {
  if (path[0] !== "candidates" || typeof path[1] !== "number") return [0, 0];
  const field = CANDIDATE_FIELDS.indexOf(String(path[2]));
  return [path[1] + 1, field < 0 ? CANDIDATE_FIELDS.length : field];
}

// R-45 validate the selection's JSON input; every problem is named by its JSON path.
export function validateSelectionInput(raw: unknown): SelectionValidation {
  const parsed = inputSchema.safeParse(raw);
  const problems = [...(parsed.success ? [] : problemsFromZod(parsed.error)), ...problemsAcrossCandidates(raw)];
  if (problems.length > 0 || !parsed.success) {
    const ordered = problems
      .map((problem, order) => ({ ...problem, order, key: readingOrder(problem.path) }))
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.order - b.order);
    return { ok: false, problems: ordered.map(({ path, message }) => ({ path: formatPath(path), message })) };
  }
  const { budgetPence = DEFAULT_BUDGET_PENCE, candidates } = parsed.data;
  // Frozen, so it stays valid: selectPilots can trust it without checking it again.
  for (const candidate of candidates) Object.freeze(Object.freeze(candidate).themes);
  const input: SelectionInput = Object.freeze({ budgetPence, candidates: Object.freeze(candidates) as Candidate[] });
  validatedInputs.add(input);
  return { ok: true, input };
}

const validatedInputs = new WeakSet<SelectionInput>();

/** True for an input returned by validateSelectionInput (frozen, so still valid). */
export function isValidatedSelectionInput(input: SelectionInput): boolean {
  return validatedInputs.has(input);
}

export function describeProblem(problem: SelectionProblem): string {
  return `${problem.path}: ${problem.message}`;
}

import { describe, expect, it } from "vitest";
import { selectPilots } from "./index";
import { describeProblem, validateSelectionInput } from "./validate";

const valid = {
  id: "RTP-EOI-7KD3QF",
  region: "North East",
  authorityType: "metropolitan district",
  setting: "urban",
  track: "established",
  themes: ["pledge", "frontline"],
  focus: "cse",
  requestPence: 9_500_000,
  score: 71.25,
  submittedAt: "2009-07-16T10:04:00Z",
  lock: "in",
};

/** The stderr lines for an input: `path: message`. */
function lines(raw: unknown): string[] {
  const validation = validateSelectionInput(raw);
  return validation.ok ? [] : validation.problems.map(describeProblem);
}

/** The lines for a single candidate built from the valid one with some fields changed or removed. */
function linesFor(changes: Record<string, unknown>, remove: string[] = []): string[] {
  const candidate: Record<string, unknown> = { ...valid, ...changes };
  for (const field of remove) delete candidate[field];
  return lines({ candidates: [candidate] });
}

describe("R-45 the selection's JSON input", () => {
  it("R-45 accepts the issue's example and defaults the budget to the £900,000 fund (R-1)", () => {
    const validation = validateSelectionInput({ candidates: [valid] });
    expect(validation).toEqual({ ok: true, input: { budgetPence: 90_000_000, candidates: [valid] } });
  });

  it("R-45 accepts no candidates, a budget of 0, a null or absent focus and an absent lock", () => {
    expect(lines({ budgetPence: 0, candidates: [] })).toEqual([]);
    expect(linesFor({ focus: null }, ["lock"])).toEqual([]);
    expect(linesFor({}, ["focus", "lock"])).toEqual([]);
  });

  it("R-45 names the JSON path of an unknown region", () => {
    const candidates = [0, 1, 2, 3].map((n) => ({ ...valid, id: `A${n}`, lock: undefined }));
    candidates[3] = { ...candidates[3], region: "Wessex" };
    expect(lines({ candidates: candidates.map(({ lock: _, ...rest }) => rest) })).toEqual([
      'candidates[3].region: unknown region "Wessex"',
    ]);
  });

  it("R-45 rejects unknown values of every closed list", () => {
    expect(linesFor({ authorityType: "parish" })).toEqual([
      'candidates[0].authorityType: unknown authority type "parish"',
    ]);
    expect(linesFor({ setting: "suburban" })).toEqual(['candidates[0].setting: unknown setting "suburban"']);
    expect(linesFor({ track: "new" })).toEqual(['candidates[0].track: unknown track "new"']);
    expect(linesFor({ themes: ["pledge", "housing"] })).toEqual(['candidates[0].themes[1]: unknown theme "housing"']);
    expect(linesFor({ focus: "total place" })).toEqual(['candidates[0].focus: unknown focus "total place"']);
    expect(linesFor({ lock: "maybe" })).toEqual(['candidates[0].lock: unknown lock "maybe"']);
  });

  it("R-45 unknown fields are errors at any level, one line each", () => {
    expect(lines({ candidates: [], budget: 5 })).toEqual(["budget: unknown field"]);
    expect(linesFor({ colour: "red", "lead authority": "x" })).toEqual([
      "candidates[0].colour: unknown field",
      'candidates[0]["lead authority"]: unknown field',
    ]);
  });

  it("R-45 wrong types and missing fields", () => {
    expect(lines([])).toEqual(["(root): must be a JSON object with budgetPence and candidates, not a list"]);
    expect(lines({})).toEqual(["candidates: is required (a list of candidates (it may be empty))"]);
    expect(lines({ candidates: [5] })).toEqual(["candidates[0]: must be an object describing one candidate, not 5"]);
    expect(linesFor({ requestPence: "9500000" })).toEqual([
      'candidates[0].requestPence: must be a whole number of pence from 1 to 10000000, not "9500000"',
    ]);
    expect(linesFor({ themes: "pledge" })).toEqual([
      'candidates[0].themes: must be a list of one to three themes ("pledge", "frontline" or "partnerships"), not "pledge"',
    ]);
    expect(linesFor({}, ["region"])).toEqual(["candidates[0].region: is required (one of the nine regions of R-2)"]);
    expect(linesFor({ lock: null })).toEqual([`candidates[0].lock: must be "in" or "out", or left out, not null`]);
  });

  it("R-45 ids are non-empty ASCII of at most 64 characters", () => {
    expect(linesFor({ id: "" })).toEqual(["candidates[0].id: must not be empty"]);
    expect(linesFor({ id: "X".repeat(65) })).toEqual([
      "candidates[0].id: is 65 characters long; at most 64 are allowed",
    ]);
    expect(linesFor({ id: "X".repeat(64) })).toEqual([]);
    expect(linesFor({ id: "RTP-EOI-Ä" })).toEqual(['candidates[0].id: "RTP-EOI-Ä" has characters outside ASCII']);
  });

  it("R-45 budget and requests are whole pence; a request is at most £100,000 (R-1)", () => {
    expect(lines({ budgetPence: -1, candidates: [] })).toEqual([
      "budgetPence: must be a whole number of pence, 0 or more, not -1",
    ]);
    expect(lines({ budgetPence: 1.5, candidates: [] })).toEqual([
      "budgetPence: must be a whole number of pence, 0 or more, not 1.5",
    ]);
    expect(linesFor({ requestPence: -100 })).toEqual([
      "candidates[0].requestPence: must be at least 1 penny, not -100",
    ]);
    expect(linesFor({ requestPence: 0 })).toEqual(["candidates[0].requestPence: must be at least 1 penny, not 0"]);
    expect(linesFor({ requestPence: 12.5 })).toEqual([
      "candidates[0].requestPence: must be a whole number of pence, not 12.5",
    ]);
    expect(linesFor({ requestPence: 10_000_001 })).toEqual([
      "candidates[0].requestPence: 10000001 pence (£100,000.01) is over the £100,000 limit of R-1",
    ]);
    expect(linesFor({ requestPence: 10_000_000 })).toEqual([]);
  });

  it("R-45 scores run from 0 to 100 with at most two decimals", () => {
    expect(linesFor({ score: -0.01 })).toEqual(["candidates[0].score: must be from 0 to 100, not -0.01"]);
    expect(linesFor({ score: 100.01 })).toEqual(["candidates[0].score: must be from 0 to 100, not 100.01"]);
    expect(linesFor({ score: 71.255 })).toEqual(["candidates[0].score: 71.255 has more than two decimals"]);
    for (const score of [0, 100, 0.29, 71.25, 33.33, 99.99]) expect(linesFor({ score })).toEqual([]);
  });

  it("R-45 submittedAt is required and must be an instant with a time zone", () => {
    expect(linesFor({}, ["submittedAt"])).toEqual([
      "candidates[0].submittedAt: is required (an ISO-8601 instant with a time zone, such as 2009-07-16T10:04:00Z)",
    ]);
    expect(linesFor({ submittedAt: "2009-07-16T10:04:00" })).toEqual([
      'candidates[0].submittedAt: "2009-07-16T10:04:00" has no time zone; add one, such as Z for UTC or +01:00 for BST',
    ]);
    expect(linesFor({ submittedAt: "16/07/2009 10:04" })).toEqual([
      'candidates[0].submittedAt: "16/07/2009 10:04" is not an ISO-8601 instant such as 2009-07-16T10:04:00Z',
    ]);
    expect(linesFor({ submittedAt: "2009-02-29T10:04:00Z" })).toEqual([
      'candidates[0].submittedAt: "2009-02-29T10:04:00Z" is not an ISO-8601 instant such as 2009-07-16T10:04:00Z',
    ]);
    expect(linesFor({ submittedAt: "2009-07-16T11:04:00.125+01:00" })).toEqual([]);
  });

  it("R-5 themes: at least one, none repeated", () => {
    expect(linesFor({ themes: [] })).toEqual([
      'candidates[0].themes: must name at least one theme ("pledge", "frontline" or "partnerships")',
    ]);
    expect(linesFor({ themes: ["pledge", "frontline", "pledge"] })).toEqual([
      'candidates[0].themes[2]: theme "pledge" is repeated',
    ]);
  });

  it("R-45 a duplicate id is reported at the later one's id", () => {
    expect(
      lines({
        candidates: [
          { ...valid, lock: "out" },
          { ...valid, lock: "out" },
        ],
      }),
    ).toEqual(['candidates[1].id: duplicate id "RTP-EOI-7KD3QF" (also candidates[0])']);
  });

  it("R-43 a second candidate locked in in one region is reported at its lock", () => {
    expect(lines({ candidates: [valid, { ...valid, id: "B" }, { ...valid, id: "C", region: "London" }] })).toEqual([
      "candidates[1].lock: a second candidate locked in for North East (candidates[0] is locked in already); R-43 allows one pilot per region",
    ]);
  });

  it("R-43 locked-in requests over the budget are reported at budgetPence", () => {
    const london = { ...valid, id: "B", region: "London" };
    expect(lines({ budgetPence: 19_000_000, candidates: [valid, london] })).toEqual([]);
    expect(lines({ budgetPence: 18_999_999, candidates: [valid, london] })).toEqual([
      "budgetPence: the candidates locked in request £190,000 together, more than the budget of £189,999.99",
    ]);
  });

  it("R-45 reports every problem at once, candidate by candidate", () => {
    expect(
      lines({
        budgetPence: "lots",
        candidates: [
          { ...valid, region: "Wessex", requestPence: -1, extra: true },
          { ...valid, score: 101, lock: "out" },
        ],
      }),
    ).toEqual([
      'budgetPence: must be a whole number of pence, 0 or more, not "lots"',
      'candidates[0].region: unknown region "Wessex"',
      "candidates[0].requestPence: must be at least 1 penny, not -1",
      "candidates[0].extra: unknown field",
      'candidates[1].id: duplicate id "RTP-EOI-7KD3QF" (also candidates[0])',
      "candidates[1].score: must be from 0 to 100, not 101",
    ]);
  });
});

describe("R-45 a validated input", () => {
  it("R-45 is frozen, so it stays valid, and selects the same as the raw input", () => {
    const raw = { candidates: [{ ...valid, lock: undefined }] };
    delete raw.candidates[0].lock;
    const validation = validateSelectionInput(raw);
    if (!validation.ok) throw new Error("expected the input to be valid");
    expect(Object.isFrozen(validation.input)).toBe(true);
    expect(Object.isFrozen(validation.input.candidates)).toBe(true);
    expect(Object.isFrozen(validation.input.candidates[0])).toBe(true);
    expect(Object.isFrozen(validation.input.candidates[0].themes)).toBe(true);
    expect(() => {
      (validation.input.candidates[0] as { score: number }).score = 500;
    }).toThrow(TypeError);
    expect(selectPilots(validation.input)).toEqual(selectPilots(raw as never));
  });
});

import { describe, expect, it } from "vitest";
import { makeCandidate, makeInput } from "../../../test/selection/make-candidate";
import { SelectionInputError, selectPilots } from "./index";
import { REGIONS } from "./types";

// Hand-written cases, each named by the rule it proves. The factory's default candidate is a
// London borough, mixed, established, addressing the pledge theme, with no focus: it meets
// only theme:pledge and track:established, so each case adds just the requirements it needs.

const regionOf = (result: ReturnType<typeof selectPilots>, region: string) =>
  result.regions.find((outcome) => outcome.region === region)!;

describe("R-43 selection: the rules in order", () => {
  it("R-43 rule 1: one pilot per region, in every region that has a candidate", () => {
    const result = selectPilots(
      makeInput([
        makeCandidate({ id: "NE-1", region: "North East", score: 60 }),
        makeCandidate({ id: "NE-2", region: "North East", score: 70 }),
        makeCandidate({ id: "NE-3", region: "North East", score: 65 }),
        makeCandidate({ id: "L-1", region: "London", score: 40 }),
        makeCandidate({ id: "L-2", region: "London", score: 45 }),
      ]),
    );
    expect(result.selected.map((pilot) => [pilot.region, pilot.id])).toEqual([
      ["North East", "NE-2"],
      ["London", "L-2"],
    ]);
    expect(result.regions.map((outcome) => outcome.region)).toEqual([...REGIONS]);
    expect(regionOf(result, "North West")).toEqual({
      region: "North West",
      pick: null,
      topScorer: null,
      pointsGivenUp: null,
      forcedBy: [],
      reserves: [],
    });
    expect(result.unmet.filter((unmet) => unmet.requirement.startsWith("region:"))).toEqual([]);
  });

  it("R-43 rule 1: a region whose candidates are all ruled out is not filled and not counted as unmet", () => {
    const result = selectPilots(
      makeInput([
        makeCandidate({ id: "NE-1", region: "North East" }),
        makeCandidate({ id: "NW-1", region: "North West", lock: "out" }),
      ]),
    );
    expect(result.selected.map((pilot) => pilot.id)).toEqual(["NE-1"]);
    expect(regionOf(result, "North West")).toMatchObject({ pick: null, topScorer: null, reserves: [] });
    expect(result.unmet.map((unmet) => unmet.requirement)).not.toContain("region:North West");
  });

  it("R-43 rule 2 outranks the score: a lower scorer is picked to meet a requirement", () => {
    const result = selectPilots(
      makeInput([
        makeCandidate({ id: "HIGH", score: 90 }),
        makeCandidate({ id: "TOTAL-PLACE", score: 60, focus: "total-place" }),
      ]),
    );
    expect(result.selected.map((pilot) => pilot.id)).toEqual(["TOTAL-PLACE"]);
    expect(result.met).toContain("focus:total-place");
    expect(regionOf(result, "North East")).toEqual({
      region: "North East",
      pick: "TOTAL-PLACE",
      topScorer: "HIGH",
      pointsGivenUp: 30,
      forcedBy: ["focus:total-place"],
      reserves: ["HIGH"],
    });
  });

  it("R-43 rule 1 outranks rule 2: filling a region beats meeting a requirement", () => {
    const result = selectPilots(
      makeInput(
        [
          makeCandidate({
            id: "NE-TP",
            region: "North East",
            requestPence: 5_000_000,
            focus: "total-place",
            score: 90,
          }),
          makeCandidate({ id: "NE-CHEAP", region: "North East", requestPence: 1_000_000, score: 40 }),
          makeCandidate({ id: "NW", region: "North West", requestPence: 4_000_000, score: 40 }),
        ],
        5_000_000,
      ),
    );
    expect(result.selected.map((pilot) => pilot.id)).toEqual(["NE-CHEAP", "NW"]);
    expect(result.unmet).toContainEqual({
      requirement: "focus:total-place",
      reason:
        "choosing one of the candidates with the Total Place focus (NE-TP in North East) would leave one more region without a pilot within the budget of £50,000",
    });
    expect(regionOf(result, "North East").forcedBy).toEqual(["budget"]);
  });

  it("R-43 rule 3: the total request stays within the budget, and the region left out is named", () => {
    const result = selectPilots(
      makeInput(
        [
          makeCandidate({ id: "NE", region: "North East", requestPence: 6_000_000, score: 50 }),
          makeCandidate({ id: "NW", region: "North West", requestPence: 6_000_000, score: 60 }),
        ],
        10_000_000,
      ),
    );
    expect(result.selected.map((pilot) => pilot.id)).toEqual(["NW"]);
    expect(result.totalRequestPence).toBe(6_000_000);
    expect(result.unmet).toEqual([
      ...result.unmet.filter((unmet) => !unmet.requirement.startsWith("region:")),
      {
        requirement: "region:North East",
        reason:
          "the budget of £100,000 does not stretch to a pilot in North East as well: its cheapest candidate requests £60,000 and the pilots selected request £60,000",
      },
    ]);
    expect(regionOf(result, "North East")).toMatchObject({
      pick: null,
      topScorer: "NE",
      pointsGivenUp: null,
      forcedBy: [],
      reserves: ["NE"],
    });
  });

  it("R-43 rule 4: the highest total score among sets that fill and meet as much", () => {
    const result = selectPilots(
      makeInput([
        makeCandidate({ id: "NE-A", region: "North East", score: 71.25 }),
        makeCandidate({ id: "NE-B", region: "North East", score: 71.24 }),
        makeCandidate({ id: "SW-A", region: "South West", score: 12.5 }),
        makeCandidate({ id: "SW-B", region: "South West", score: 80 }),
      ]),
    );
    expect(result.selected).toEqual([
      { region: "North East", id: "NE-A", score: 71.25, requestPence: 5_000_000 },
      { region: "South West", id: "SW-B", score: 80, requestPence: 5_000_000 },
    ]);
    expect(result.totalScore).toBe(151.25);
  });

  it("R-43 scores are compared and added as whole hundredths", () => {
    const result = selectPilots(
      makeInput([
        makeCandidate({ region: "North East", score: 0.1 }),
        makeCandidate({ region: "North West", score: 0.2 }),
      ]),
    );
    expect(result.totalScore).toBe(0.3);
    const given = selectPilots(
      makeInput([makeCandidate({ id: "TOP", score: 71.25 }), makeCandidate({ id: "CSE", score: 70.1, focus: "cse" })]),
    );
    expect(regionOf(given, "North East").pointsGivenUp).toBe(1.15);
  });
});

describe("R-43 rule 4: ties go to the earlier submission", () => {
  it("R-43 equal scores: the earlier submittedAt wins", () => {
    const result = selectPilots(
      makeInput([
        makeCandidate({ id: "LATER", score: 70, submittedAt: "2009-07-16T10:05:00Z" }),
        makeCandidate({ id: "EARLIER", score: 70, submittedAt: "2009-07-16T10:00:00Z" }),
      ]),
    );
    expect(result.selected.map((pilot) => pilot.id)).toEqual(["EARLIER"]);
    expect(regionOf(result, "North East")).toMatchObject({
      topScorer: "EARLIER",
      pointsGivenUp: 0,
      forcedBy: [],
      reserves: ["LATER"],
    });
  });

  it("R-43 submissions are compared as instants, and equal instants go to the smaller id", () => {
    const byInstant = selectPilots(
      makeInput([
        makeCandidate({ id: "A", score: 70, submittedAt: "2009-07-16T10:00:00Z" }),
        makeCandidate({ id: "B", score: 70, submittedAt: "2009-07-16T10:30:00+01:00" }), // 09:30 UTC
      ]),
    );
    expect(byInstant.selected.map((pilot) => pilot.id)).toEqual(["B"]);
    const byId = selectPilots(
      makeInput([
        makeCandidate({ id: "RTP-EOI-B", score: 70, submittedAt: "2009-07-16T11:00:00+01:00" }),
        makeCandidate({ id: "RTP-EOI-A", score: 70, submittedAt: "2009-07-16T10:00:00.000Z" }),
      ]),
    );
    expect(byId.selected.map((pilot) => pilot.id)).toEqual(["RTP-EOI-A"]);
  });

  it("R-43 the tie-break goes region by region in R-2 order", () => {
    // Two sets meet both focus requirements with the same score: {NE-EARLY, NW-LATE} and
    // {NE-LATE, NW-EARLY}. North East comes first in R-2 order, so its earlier pick decides.
    const result = selectPilots(
      makeInput([
        makeCandidate({
          id: "NE-EARLY",
          region: "North East",
          focus: "total-place",
          submittedAt: "2009-07-01T09:00:00Z",
        }),
        makeCandidate({ id: "NE-LATE", region: "North East", focus: "cse", submittedAt: "2009-07-03T09:00:00Z" }),
        makeCandidate({
          id: "NW-EARLY",
          region: "North West",
          focus: "total-place",
          submittedAt: "2009-07-01T08:00:00Z",
        }),
        makeCandidate({ id: "NW-LATE", region: "North West", focus: "cse", submittedAt: "2009-07-04T09:00:00Z" }),
      ]),
    );
    expect(result.selected.map((pilot) => pilot.id)).toEqual(["NE-EARLY", "NW-LATE"]);
    expect(regionOf(result, "North West")).toMatchObject({ topScorer: "NW-EARLY", pointsGivenUp: 0, forcedBy: [] });
  });

  it("R-43 an empty region counts as later than any pick", () => {
    const result = selectPilots(
      makeInput(
        [
          makeCandidate({
            id: "NE",
            region: "North East",
            requestPence: 6_000_000,
            submittedAt: "2009-07-16T23:00:00Z",
          }),
          makeCandidate({
            id: "NW",
            region: "North West",
            requestPence: 6_000_000,
            submittedAt: "2009-07-01T00:00:00Z",
          }),
        ],
        10_000_000,
      ),
    );
    expect(result.selected.map((pilot) => pilot.id)).toEqual(["NE"]);
  });

  it("R-43 reserves rank by score, then the earlier submission, then the smaller id", () => {
    const result = selectPilots(
      makeInput([
        makeCandidate({ id: "PICK", score: 90 }),
        makeCandidate({ id: "R-C", score: 50, submittedAt: "2009-07-02T00:00:00Z" }),
        makeCandidate({ id: "R-B", score: 50, submittedAt: "2009-07-01T00:00:00Z" }),
        makeCandidate({ id: "R-A", score: 50, submittedAt: "2009-07-02T00:00:00Z" }),
        makeCandidate({ id: "R-TOP", score: 80 }),
        makeCandidate({ id: "OUT", score: 99, lock: "out" }),
      ]),
    );
    expect(regionOf(result, "North East")).toEqual({
      region: "North East",
      pick: "PICK",
      topScorer: "PICK",
      pointsGivenUp: 0,
      forcedBy: [],
      reserves: ["R-TOP", "R-B", "R-A", "R-C"],
    });
  });
});

describe("R-43 the manager's locks", () => {
  it("R-43 a candidate locked in is chosen, and forcedBy says so", () => {
    const result = selectPilots(
      makeInput([makeCandidate({ id: "TOP", score: 90 }), makeCandidate({ id: "LOCKED", score: 40, lock: "in" })]),
    );
    expect(regionOf(result, "North East")).toEqual({
      region: "North East",
      pick: "LOCKED",
      topScorer: "TOP",
      pointsGivenUp: 50,
      forcedBy: ["lock:in"],
      reserves: ["TOP"],
    });
  });

  it("R-43 a candidate ruled out is never chosen, nor a top scorer or reserve", () => {
    const result = selectPilots(
      makeInput([makeCandidate({ id: "OUT", score: 90, lock: "out" }), makeCandidate({ id: "IN", score: 40 })]),
    );
    expect(regionOf(result, "North East")).toMatchObject({ pick: "IN", topScorer: "IN", reserves: [] });
  });

  it("R-43 forcedBy is the budget when the top scorer would not fit in the pick's place", () => {
    const result = selectPilots(
      makeInput(
        [
          makeCandidate({ id: "NE-TOP", region: "North East", score: 90, requestPence: 9_000_000 }),
          makeCandidate({ id: "NE-CHEAP", region: "North East", score: 80, requestPence: 5_000_000 }),
          makeCandidate({ id: "NW", region: "North West", score: 90, requestPence: 5_000_000 }),
        ],
        13_000_000,
      ),
    );
    expect(result.selected.map((pilot) => pilot.id)).toEqual(["NE-CHEAP", "NW"]);
    expect(regionOf(result, "North East")).toMatchObject({ forcedBy: ["budget"], pointsGivenUp: 10 });
  });

  it("R-45 selectPilots refuses input that breaks the format", () => {
    const twoLocked = makeInput([makeCandidate({ lock: "in" }), makeCandidate({ lock: "in" })]);
    expect(() => selectPilots(twoLocked)).toThrow(SelectionInputError);
    expect(() => selectPilots(twoLocked)).toThrow(/candidates\[1\]\.lock: a second candidate locked in for North East/);
  });
});

describe("R-43 unmet requirements are named with the reason", () => {
  it("R-43 no candidate has it", () => {
    const result = selectPilots(makeInput([makeCandidate()]));
    expect(result.unmet).toContainEqual({
      requirement: "focus:total-place",
      reason: "no candidate has the Total Place focus",
    });
    expect(result.unmet).toContainEqual({ requirement: "type:shire county", reason: "no candidate is a shire county" });
    expect(result.unmet).toContainEqual({ requirement: "setting:rural", reason: "no candidate is rural" });
    expect(result.met).toEqual(["theme:pledge", "track:established"]);
    expect(result.unmet.map((unmet) => unmet.requirement).slice(0, 3)).toEqual([
      "theme:frontline",
      "theme:partnerships",
      "type:metropolitan district",
    ]);
  });

  it("R-43 the only candidates with it are ruled out, or behind another region's lock", () => {
    const result = selectPilots(
      makeInput([
        makeCandidate({ id: "NE-CSE", region: "North East", focus: "cse", lock: "out" }),
        makeCandidate({ id: "NW-LOCKED", region: "North West", lock: "in" }),
        makeCandidate({ id: "NW-CSE", region: "North West", focus: "cse" }),
      ]),
    );
    expect(result.unmet).toContainEqual({
      requirement: "focus:cse",
      reason:
        "the candidates with the Customer Service Excellence focus are ruled out (NE-CSE in North East) or in a region where another candidate is locked in (NW-CSE in North West)",
    });
  });

  it("R-43 meeting it would give up more requirements than it gains", () => {
    const result = selectPilots(
      makeInput([
        makeCandidate({ id: "COUNTY", score: 50, authorityType: "shire county", setting: "rural" }),
        makeCandidate({ id: "TP", score: 90, focus: "total-place" }),
      ]),
    );
    expect(result.selected.map((pilot) => pilot.id)).toEqual(["COUNTY"]);
    expect(result.unmet).toContainEqual({
      requirement: "focus:total-place",
      reason:
        "choosing one of the candidates with the Total Place focus (TP in North East) would mean giving up a shire county and a rural pilot, so fewer requirements would be met",
    });
    expect(regionOf(result, "North East").forcedBy).toEqual(["type:shire county", "setting:rural"]);
  });

  it("R-43 meeting it would give up as many requirements, for fewer points", () => {
    const result = selectPilots(
      makeInput([
        makeCandidate({ id: "COUNTY", score: 60, authorityType: "shire county" }),
        makeCandidate({ id: "TP", score: 50, focus: "total-place" }),
      ]),
    );
    expect(result.unmet).toContainEqual({
      requirement: "focus:total-place",
      reason:
        "choosing one of the candidates with the Total Place focus (TP in North East) would mean giving up a shire county instead, for 10 fewer points in total",
    });
  });

  it("R-43 no candidate with it fits within the budget beside the locked-in pilots", () => {
    const result = selectPilots(
      makeInput(
        [
          makeCandidate({ id: "NE-LOCKED", region: "North East", requestPence: 8_000_000, lock: "in" }),
          makeCandidate({ id: "NW-TP", region: "North West", requestPence: 5_000_000, focus: "total-place" }),
        ],
        10_000_000,
      ),
    );
    expect(result.unmet).toContainEqual({
      requirement: "focus:total-place",
      reason:
        "none of the candidates with the Total Place focus (NW-TP in North West) fits within the budget of £100,000 beside the locked-in pilots",
    });
    expect(result.unmet.map((unmet) => unmet.requirement)).toContain("region:North West");
  });
});

describe("R-43 edge cases", () => {
  it("R-43 no candidates: nothing selected, every requirement unmet because nobody offers it", () => {
    const result = selectPilots(makeInput([]));
    expect(result.selected).toEqual([]);
    expect(result.totalScore).toBe(0);
    expect(result.met).toEqual([]);
    expect(result.unmet).toHaveLength(14);
    expect(result.regions.every((outcome) => outcome.pick === null && outcome.topScorer === null)).toBe(true);
  });

  it("R-43 a budget of nothing fills no region, and says the budget is why", () => {
    const result = selectPilots(makeInput([makeCandidate({ id: "A", region: "London", focus: "cse" })], 0));
    expect(result.selected).toEqual([]);
    expect(result.unmet).toContainEqual({
      requirement: "focus:cse",
      reason:
        "none of the candidates with the Customer Service Excellence focus (A in London) fits within the budget of £0",
    });
    expect(result.unmet.at(-1)?.requirement).toBe("region:London");
  });
});

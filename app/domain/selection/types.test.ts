import { describe, expect, it } from "vitest";
import { requirementSignature } from "./requirements";
import {
  AUTHORITY_TYPES,
  DEFAULT_BUDGET_PENCE,
  FOCUS_AREAS,
  MAX_REQUEST_PENCE,
  REGIONS,
  REQUIREMENTS,
  SETTINGS,
  THEMES,
  TRACKS,
} from "./types";

// R-45 the JSON format is a stable interface: these are its words, exactly. The lists come from
// app/domain/programme.ts, so a change there that would break the format fails here first.
describe("R-45 the format's words", () => {
  it("R-2 R-4 R-5 R-6 the values the format accepts", () => {
    expect(REGIONS).toEqual([
      "North East",
      "North West",
      "Yorkshire and the Humber",
      "East Midlands",
      "West Midlands",
      "East of England",
      "London",
      "South East",
      "South West",
    ]);
    expect(AUTHORITY_TYPES).toEqual([
      "metropolitan district",
      "shire district",
      "shire county",
      "unitary",
      "london borough",
    ]);
    expect(SETTINGS).toEqual(["rural", "urban", "mixed"]);
    expect(TRACKS).toEqual(["established", "starting-out"]);
    expect(THEMES).toEqual(["pledge", "frontline", "partnerships"]);
    expect(FOCUS_AREAS).toEqual(["redundancy", "cse", "total-place"]);
    expect(DEFAULT_BUDGET_PENCE).toBe(90_000_000);
    expect(MAX_REQUEST_PENCE).toBe(10_000_000);
  });

  it("R-43 the fourteen requirements, in the output's order", () => {
    expect(REQUIREMENTS).toEqual([
      "theme:pledge",
      "theme:frontline",
      "theme:partnerships",
      "type:metropolitan district",
      "type:shire district",
      "type:shire county",
      "type:unitary",
      "setting:rural",
      "setting:urban",
      "track:established",
      "track:starting-out",
      "focus:redundancy",
      "focus:cse",
      "focus:total-place",
    ]);
  });

  it("R-43 a London borough, a mixed setting and no focus meet no requirement of their kind", () => {
    const bits = (requirements: string[]) =>
      requirements.reduce((mask, requirement) => mask | (1 << REQUIREMENTS.indexOf(requirement as never)), 0);
    expect(
      requirementSignature({
        themes: ["frontline"],
        authorityType: "london borough",
        setting: "mixed",
        track: "starting-out",
        focus: null,
      }),
    ).toBe(bits(["theme:frontline", "track:starting-out"]));
    expect(
      requirementSignature({
        themes: ["pledge", "partnerships"],
        authorityType: "shire county",
        setting: "rural",
        track: "established",
        focus: "total-place",
      }),
    ).toBe(
      bits([
        "theme:pledge",
        "theme:partnerships",
        "type:shire county",
        "setting:rural",
        "track:established",
        "focus:total-place",
      ]),
    );
  });
});

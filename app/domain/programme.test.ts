import { describe, expect, test } from "vitest";
import {
  ASSESSMENT_CRITERIA,
  AUTHORITY_TYPE_KEYS,
  DEFAULT_CRITERION_WEIGHTS,
  DEFAULT_TIMETABLE,
  FOCUS_AREA_KEYS,
  OUTPUTS,
  PARTNERSHIP_KIND_KEYS,
  PAST_AWARDS,
  PAST_AWARD_YEARS,
  PLEDGE_SCOPES,
  PROGRAMME,
  REGIONS,
  SCORE_SCALE,
  SETTING_KEYS,
  THEMES,
  TRACK_RECORD_KEYS,
  authorityTypeLabel,
  isFocusArea,
  isRegion,
  isScore,
  isTheme,
  scoreLabel,
  themeLabel,
} from "~/domain/programme";
import { formatMoney } from "~/domain/money";
import { isIsoDate } from "~/domain/calendar";

describe("R-1 the fund", () => {
  test("R-1 £900,000 for nine pilots of up to £100,000 each", () => {
    expect(formatMoney(PROGRAMME.totalFundPence)).toBe("£900,000");
    expect(PROGRAMME.numberOfPilots).toBe(9);
    expect(formatMoney(PROGRAMME.maximumGrantPence)).toBe("£100,000");
    expect(PROGRAMME.numberOfPilots * PROGRAMME.maximumGrantPence).toBe(PROGRAMME.totalFundPence);
  });
});

describe("R-2 regions", () => {
  test("R-2 the nine Government Office regions, in order", () => {
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
    expect(REGIONS).toHaveLength(PROGRAMME.numberOfPilots);
    expect(isRegion("Yorkshire and the Humber")).toBe(true);
    expect(isRegion("Yorkshire")).toBe(false);
  });
});

describe("R-4 R-5 R-6 the choices an expression of interest makes", () => {
  test("R-4 authority types, with London boroughs as London's own type", () => {
    expect(AUTHORITY_TYPE_KEYS).toEqual([
      "metropolitan district",
      "shire district",
      "shire county",
      "unitary",
      "london borough",
    ]);
    expect(authorityTypeLabel("london borough")).toBe("London borough");
    expect(() => authorityTypeLabel("county borough" as never)).toThrow(RangeError);
    expect(SETTING_KEYS).toEqual(["rural", "urban", "mixed"]);
    expect(TRACK_RECORD_KEYS).toEqual(["established", "starting-out"]);
  });

  test("R-5 the three themes in the invitation's words", () => {
    expect(THEMES.map((theme) => theme.key)).toEqual(["pledge", "frontline", "partnerships"]);
    expect(themeLabel("pledge")).toBe("The service and remedy pledge");
    expect(themeLabel("frontline")).toBe("Importance of the frontline");
    expect(themeLabel("partnerships")).toBe("Customer-focused partnerships");
    for (const theme of THEMES) expect(theme.hint.length).toBeGreaterThan(20);
    expect(isTheme("pledge")).toBe(true);
    expect(isTheme("Pledge")).toBe(false);
  });

  test("R-5 the pledge applies to a service, service area, organisation or partnership", () => {
    expect(PLEDGE_SCOPES.map((scope) => scope.key)).toEqual(["service", "service-area", "organisation", "partnership"]);
    expect(PARTNERSHIP_KIND_KEYS).toEqual(["strategic", "delivery", "co-located", "integrated"]);
  });

  test("R-6 three focus areas", () => {
    expect(FOCUS_AREA_KEYS).toEqual(["redundancy", "cse", "total-place"]);
    expect(isFocusArea("none")).toBe(false);
  });
});

describe("R-7 outputs", () => {
  test("R-7 outputs A to F with the invitation's full text", () => {
    expect(OUTPUTS.map((output) => output.key)).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(OUTPUTS[0].text).toBe("To write a report on their experience of using the Toolkit.");
    expect(OUTPUTS[2].text).toContain("‘virtual’ peer support network");
    expect(OUTPUTS[3].text).toContain("cost and resource impact");
    expect(OUTPUTS[5].text).toContain("longer term research and evaluation programme");
  });
});

describe("R-8 default timetable", () => {
  test("R-8 the invitation's dates", () => {
    expect(DEFAULT_TIMETABLE).toEqual({
      eoiClosingDate: "2009-07-17",
      detailedApplicationRequestsBy: "2009-08-03",
      detailedApplicationsDue: "2009-08-21",
      pilotsStartBy: "2009-09-30",
      programmeEnds: "2010-03-31",
    });
    for (const date of Object.values(DEFAULT_TIMETABLE)) expect(isIsoDate(date)).toBe(true);
  });
});

describe("R-31 past awards", () => {
  test("R-31 the awards and reviews an authority can pick from", () => {
    expect(PAST_AWARDS.map((award) => award.label)).toEqual([
      "Customer Service Excellence",
      "Charter Mark",
      "Investors in People",
      "Equality Standard for Local Government",
      "IDeA peer review",
      "Customer First",
      "Another award or review",
    ]);
    expect(PAST_AWARDS.at(-1)?.key).toBe("other");
    expect(PAST_AWARD_YEARS).toEqual({ earliest: 1990, latest: 2009 });
  });
});

describe("R-41 assessment criteria", () => {
  test("R-41 eight criteria with default weights that total 100", () => {
    expect(ASSESSMENT_CRITERIA.map((criterion) => [criterion.number, criterion.defaultWeight])).toEqual([
      [1, 20],
      [2, 15],
      [3, 15],
      [4, 10],
      [5, 10],
      [6, 15],
      [7, 5],
      [8, 10],
    ]);
    expect(Object.values(DEFAULT_CRITERION_WEIGHTS).reduce((sum, weight) => sum + weight, 0)).toBe(100);
    expect(DEFAULT_CRITERION_WEIGHTS["regional-champion"]).toBe(15);
  });

  test("R-41 the 0 to 4 scale", () => {
    expect(SCORE_SCALE.map((point) => point.label)).toEqual(["No evidence", "Weak", "Adequate", "Good", "Strong"]);
    expect(scoreLabel(3)).toBe("Good");
    expect([0, 4].every(isScore)).toBe(true);
    expect([-1, 5, 2.5, "2"].some(isScore)).toBe(false);
  });
});

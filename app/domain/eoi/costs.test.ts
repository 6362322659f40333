import { describe, expect, test } from "vitest";
import {
  COST_CATEGORIES,
  summariseCosts,
  validateCostLines,
  validateCosts,
  type CostLine,
} from "~/domain/eoi/costs";
import { fieldId } from "~/domain/eoi/sections";

const line = (overrides: Partial<CostLine> = {}): CostLine => ({
  description: "Project officer, 0.5 FTE for six months",
  category: "staff",
  amountPence: 2_000_000,
  fundedBy: "clg",
  ...overrides,
});

describe("R-33 summariseCosts", () => {
  test("R-33 other sources cover the excess exactly", () => {
    const items = [
      line({ amountPence: 6_000_000 }),
      line({ category: "events-and-workshops", amountPence: 4_000_000 }),
      line({ category: "evaluation", amountPence: 1_750_050, fundedBy: { other: "Kent County Council" } }),
      line({ category: "travel", amountPence: 1_249_950, fundedBy: { other: "Jobcentre Plus" } }),
    ];
    const summary = summariseCosts(items);
    expect(summary.totalPence).toBe(13_000_000);
    expect(summary.clgRequestPence).toBe(10_000_000);
    expect(summary.otherSourcesPence).toBe(3_000_000);
    expect(summary.totalPence - summary.clgRequestPence).toBe(summary.otherSourcesPence);
    expect(summary.otherSources).toEqual([
      { source: "Kent County Council", pence: 1_750_050 },
      { source: "Jobcentre Plus", pence: 1_249_950 },
    ]);
  });

  test("R-33 one source written two ways is one source", () => {
    const summary = summariseCosts([
      line({ fundedBy: { other: "Kent County Council" } }),
      line({ fundedBy: { other: "  kent  county council " } }),
      line(),
    ]);
    expect(summary.otherSources).toEqual([{ source: "Kent County Council", pence: 4_000_000 }]);
  });

  test("R-33 costs by category follow the category list and leave out unused ones", () => {
    const summary = summariseCosts([
      line({ category: "travel", amountPence: 100 }),
      line({ category: "staff", amountPence: 200 }),
      line({ category: "travel", amountPence: 300 }),
    ]);
    expect(summary.byCategory).toEqual([
      { category: "staff", pence: 200 },
      { category: "travel", pence: 400 },
    ]);
    expect(COST_CATEGORIES.map((category) => category.label)).toEqual([
      "Staff",
      "Events and workshops",
      "Consultancy and research",
      "Travel",
      "Materials and publicity",
      "Evaluation",
      "Other",
    ]);
  });

  test("R-33 an empty breakdown sums to nothing", () => {
    expect(summariseCosts([])).toEqual({
      totalPence: 0,
      clgRequestPence: 0,
      otherSourcesPence: 0,
      otherSources: [],
      byCategory: [],
    });
  });
});

describe("R-33 validateCosts", () => {
  test("R-33 a complete breakdown within the cap has no errors", () => {
    expect(validateCosts([line({ amountPence: 10_000_000 }), line({ fundedBy: { other: "Partners" } })], "Shared staff keep costs down.")).toEqual([]);
  });

  test("R-33 the amount requested from CLG must be £100,000 or less", () => {
    expect(validateCosts([line({ amountPence: 10_000_000 })], "Good value")).toEqual([]);
    expect(validateCosts([line({ amountPence: 9_000_000 }), line({ amountPence: 1_000_001 })], "Good value")).toEqual([
      { text: "The amount requested from CLG must be £100,000 or less", path: ["costs"], href: "#costs" },
    ]);
  });

  test("R-33 costs above £100,000 are fine when other sources fund them", () => {
    const items = [line({ amountPence: 10_000_000 }), line({ amountPence: 5_000_000, fundedBy: { other: "Lead authority" } })];
    expect(validateCosts(items, "Match funding from the lead authority")).toEqual([]);
  });

  test("R-33 a cost funded by another source must name the source", () => {
    expect(validateCostLines([line(), line({ fundedBy: { other: "   " } })])).toEqual([
      {
        text: "Enter the name of the other source funding cost 2",
        path: ["costs", 1, "otherSource"],
        href: "#costs-1-otherSource",
      },
    ]);
  });

  test("R-33 CLG cannot be named as another source to get round the cap", () => {
    const items = [line({ amountPence: 10_000_000 }), line({ fundedBy: { other: "Communities and Local Government" } })];
    expect(validateCostLines(items).map((error) => error.text)).toEqual([
      "Cost 2 is funded by CLG – select CLG rather than naming it as another source",
    ]);
    expect(validateCostLines([line(), line({ fundedBy: { other: "the DCLG" } })])).toHaveLength(1);
  });

  test("R-33 a value-for-money statement is required", () => {
    for (const statement of [undefined, null, "", "  \n "]) {
      expect(validateCosts([line()], statement)).toEqual([
        {
          text: "Enter how your proposal demonstrates value for money",
          path: ["valueForMoney"],
          href: "#valueForMoney",
        },
      ]);
    }
  });

  test("R-33 at least one line", () => {
    expect(validateCosts([], "Good value").map((error) => error.text)).toEqual(["Add at least one cost"]);
  });

  test("R-33 the bid asks CLG for something", () => {
    expect(validateCostLines([line({ fundedBy: { other: "Lead authority" } })]).map((error) => error.text)).toEqual([
      "Add at least one cost funded by CLG",
    ]);
  });

  test("R-33 each line is complete, in page order", () => {
    const errors = validateCostLines([
      line({ description: " ", amountPence: 0 }),
      line({ category: "catering" as never, amountPence: 12.5 }),
    ]);
    expect(errors.map((error) => [error.text, error.href])).toEqual([
      ["Enter a description of cost 1", "#costs-0-description"],
      ["Amount for cost 1 must be more than £0", "#costs-0-amount"],
      ["Select a category for cost 2", "#costs-1-category"],
      ["Amount for cost 2 must be more than £0", "#costs-1-amount"],
    ]);
  });

  test("R-33 no more than 50 lines", () => {
    const items = Array.from({ length: 51 }, () => line({ amountPence: 100 }));
    expect(validateCostLines(items).map((error) => error.text)).toEqual(["You can add up to 50 costs"]);
  });

  test("R-33 error links use the page's field ids", () => {
    const [error] = validateCostLines([line({ description: "" })]);
    expect(error?.href).toBe(`#${fieldId(["costs", 0, "description"])}`);
  });
});

import { describe, expect, test } from "vitest";
import {
  MAXIMUM_AMOUNT_PENCE,
  formatMoney,
  formatMoneyForInput,
  parseMoney,
  sumPence,
} from "~/domain/money";

describe("R-33 parseMoney reads amounts into integer pence", () => {
  test.each([
    ["£12,345.50", 1_234_550],
    ["12345.5", 1_234_550],
    ["12,345", 1_234_500],
    ["£100,000", 10_000_000],
    ["0.50", 50],
    ["  £ 1,000,000.05 ", 100_000_005],
    ["£0", 0],
    ["7", 700],
    ["£1,234,567", 123_456_700],
  ])("R-33 accepts %j as %i pence", (input, pence) => {
    expect(parseMoney(input)).toEqual({ ok: true, pence });
  });

  test("R-33 amounts with pence avoid floating point error (0.29 is 29 pence, not 28.999…)", () => {
    expect(parseMoney("0.29")).toEqual({ ok: true, pence: 29 });
    expect(parseMoney("1,005.07")).toEqual({ ok: true, pence: 100_507 });
  });

  test("R-33 an empty amount asks for one", () => {
    expect(parseMoney("   ")).toMatchObject({ ok: false, reason: "empty", error: "Enter the amount" });
  });

  test.each(["twelve pounds", "£12k", "12 345", "12.", ".50", "£", "12.3.4", "$12", "12,345.5p", "1e5"])(
    "R-33 rejects %j with the pounds-and-pence example",
    (input) => {
      expect(parseMoney(input)).toEqual({
        ok: false,
        reason: "format",
        error: "Enter the amount in pounds and pence, like £12,345.50",
      });
    },
  );

  test.each(["12.345", "£0.001", "100.505"])("R-33 rejects %j for having more than 2 decimal places", (input) => {
    expect(parseMoney(input)).toEqual({
      ok: false,
      reason: "decimals",
      error: "Amount must have no more than 2 decimal places",
    });
  });

  test.each(["1,23,456", "12,34", "1234,567", ",123", "123,"])(
    "R-33 rejects %j because commas do not separate thousands",
    (input) => {
      expect(parseMoney(input)).toEqual({
        ok: false,
        reason: "commas",
        error: "Commas must separate thousands, like 12,345",
      });
    },
  );

  test.each(["-£100", "£-100", "-100", "−50.00", "– £5"])("R-33 rejects the negative amount %j", (input) => {
    expect(parseMoney(input)).toEqual({ ok: false, reason: "negative", error: "Amount must be £0 or more" });
  });

  test("R-33 rejects an amount above the ceiling without losing precision", () => {
    expect(parseMoney("£100,000,000")).toEqual({ ok: true, pence: MAXIMUM_AMOUNT_PENCE });
    expect(parseMoney("100000000.01")).toMatchObject({ ok: false, reason: "too-large" });
    expect(parseMoney("9".repeat(40))).toEqual({
      ok: false,
      reason: "too-large",
      error: "Amount must be £100,000,000 or less",
    });
  });

  test("R-33 messages name the field they are about", () => {
    expect(parseMoney("12.345", { subject: "amount for cost 2" })).toMatchObject({
      error: "Amount for cost 2 must have no more than 2 decimal places",
    });
    expect(parseMoney("abc", { subject: "amount for cost 2" })).toMatchObject({
      error: "Enter the amount for cost 2 in pounds and pence, like £12,345.50",
    });
    expect(parseMoney("1,2345", { subject: "amount for cost 2" })).toMatchObject({
      error: "Commas in the amount for cost 2 must separate thousands, like 12,345",
    });
  });
});

describe("R-33 formatMoney shows amounts as £12,345", () => {
  test.each([
    [1_234_500, "£12,345"],
    [1_234_550, "£12,345.50"],
    [10_000_000, "£100,000"],
    [90_000_000, "£900,000"],
    [0, "£0"],
    [5, "£0.05"],
    [99, "£0.99"],
    [100_000_000_00, "£100,000,000"],
    [-250_000, "-£2,500"],
  ])("R-33 %i pence is shown as %s", (pence, text) => {
    expect(formatMoney(pence)).toBe(text);
  });

  test("R-33 pence are shown on request", () => {
    expect(formatMoney(1_234_500, { pence: true })).toBe("£12,345.00");
    expect(formatMoney(7, { pence: true })).toBe("£0.07");
  });

  test("R-33 rejects amounts that are not whole pence", () => {
    expect(() => formatMoney(12.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
  });

  test("R-33 an amount put back in its form field reads back to the same pence", () => {
    for (const pence of [0, 1, 50, 1_234_550, 10_000_000, 123_456_789]) {
      const shown = formatMoneyForInput(pence);
      expect(shown).not.toContain("£");
      expect(parseMoney(shown)).toEqual({ ok: true, pence });
      expect(parseMoney(formatMoney(pence))).toEqual({ ok: true, pence });
    }
  });

  test("R-33 sums of pence are exact", () => {
    expect(sumPence([10, 20, 30])).toBe(60);
    expect(sumPence([])).toBe(0);
    expect(sumPence(Array.from({ length: 10 }, () => 10))).toBe(100);
  });
});

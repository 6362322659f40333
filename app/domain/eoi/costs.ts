// R-33 The cost breakdown that supports an expression of interest: each line is funded
// either by CLG or by a named other source, so the total cost is always the CLG request plus
// the other sources, and any cost above what CLG funds is covered exactly by named sources.

import { formatMoney, sumPence } from "~/domain/money";
import { COST_CATEGORIES, PROGRAMME, isCostCategory, type CostCategory } from "~/domain/programme";
import { fieldId, type ErrorSummaryItem } from "~/domain/eoi/sections";

export { COST_CATEGORIES, type CostCategory };

export type FundedBy = "clg" | { other: string };

export interface CostLine {
  description: string;
  category: CostCategory;
  amountPence: number;
  fundedBy: FundedBy;
}

export interface CostSummary {
  totalPence: number;
  /** R-33 What the bid asks of CLG: the lines funded by CLG. */
  clgRequestPence: number;
  /** R-33 What other sources fund: always totalPence − clgRequestPence. */
  otherSourcesPence: number;
  /** Each other source and what it funds, in the order sources first appear. */
  otherSources: Array<{ source: string; pence: number }>;
  /** Each category used and its total, in the order of COST_CATEGORIES. */
  byCategory: Array<{ category: CostCategory; pence: number }>;
}

// R-33 The most a bid may ask of CLG.
export const MAXIMUM_CLG_REQUEST_PENCE = PROGRAMME.maximumGrantPence;
export const MAXIMUM_COST_LINES = 50;

/** Source names written differently ("Kent County Council ", "kent county council") are one source. */
export function sourceKey(source: string): string {
  return source.trim().replace(/\s+/g, " ").toLowerCase();
}

// Someone naming CLG as an "other" source would slip its funding past the £100,000 cap.
const CLG_NAMES = new Set([
  "clg",
  "dclg",
  "communities and local government",
  "communities & local government",
  "department for communities and local government",
  "department for communities & local government",
]);

const isClgByAnotherName = (source: string) => CLG_NAMES.has(sourceKey(source).replace(/^the /, ""));

/** R-33 Totals of a cost breakdown: overall, asked of CLG, from other sources (and each source). */
export function summariseCosts(items: readonly CostLine[]): CostSummary {
  const totalPence = sumPence(items.map((item) => item.amountPence));
  const clgRequestPence = sumPence(
    items.filter((item) => item.fundedBy === "clg").map((item) => item.amountPence),
  );

  const sources = new Map<string, { source: string; pence: number }>();
  for (const item of items) {
    if (item.fundedBy === "clg") continue;
    const key = sourceKey(item.fundedBy.other);
    const entry = sources.get(key) ?? { source: item.fundedBy.other.trim().replace(/\s+/g, " "), pence: 0 };
    entry.pence += item.amountPence;
    sources.set(key, entry);
  }
  const otherSources = [...sources.values()];

  const byCategory = COST_CATEGORIES.map(({ key }) => ({
    category: key,
    pence: sumPence(items.filter((item) => item.category === key).map((item) => item.amountPence)),
  })).filter((entry) => items.some((item) => item.category === entry.category));

  return {
    totalPence,
    clgRequestPence,
    otherSourcesPence: sumPence(otherSources.map((entry) => entry.pence)),
    otherSources,
    byCategory,
  };
}

/** An error in a cost breakdown, with its place in the section's answers and on the page. */
export interface CostError extends ErrorSummaryItem {
  path: Array<string | number>;
}

const costError = (text: string, path: Array<string | number>): CostError => ({
  text,
  path,
  href: `#${fieldId(path)}`,
});

// R-33 The messages, shared with the form's schema so both say the same thing.
export const COST_MESSAGES = {
  noLines: "Add at least one cost",
  tooManyLines: `You can add up to ${MAXIMUM_COST_LINES} costs`,
  description: (n: number) => `Enter a description of cost ${n}`,
  category: (n: number) => `Select a category for cost ${n}`,
  amount: (n: number) => `Amount for cost ${n} must be more than £0`,
  fundedBy: (n: number) => `Select who will fund cost ${n}`,
  otherSource: (n: number) => `Enter the name of the other source funding cost ${n}`,
  clgByAnotherName: (n: number) => `Cost ${n} is funded by CLG – select CLG rather than naming it as another source`,
  clgRequestTooHigh: `The amount requested from CLG must be ${formatMoney(MAXIMUM_CLG_REQUEST_PENCE)} or less`,
  noClgRequest: "Add at least one cost funded by CLG",
  valueForMoney: "Enter how your proposal demonstrates value for money",
} as const;

/**
 * R-33 Errors in a cost breakdown's lines and totals, in page order: each line complete,
 * each "other" source named (and not CLG by another name), at least one cost asked of CLG,
 * and the CLG request no more than £100,000. Paths are relative to the section's answers
 * (["costs", 1, "amount"]).
 */
export function validateCostLines(items: readonly CostLine[]): CostError[] {
  if (items.length === 0) return [costError(COST_MESSAGES.noLines, ["costs"])];
  const errors: CostError[] = [];
  if (items.length > MAXIMUM_COST_LINES) errors.push(costError(COST_MESSAGES.tooManyLines, ["costs"]));

  items.forEach((item, index) => {
    const n = index + 1;
    if (item.description.trim() === "") {
      errors.push(costError(COST_MESSAGES.description(n), ["costs", index, "description"]));
    }
    if (!isCostCategory(item.category)) {
      errors.push(costError(COST_MESSAGES.category(n), ["costs", index, "category"]));
    }
    if (!Number.isSafeInteger(item.amountPence) || item.amountPence <= 0) {
      errors.push(costError(COST_MESSAGES.amount(n), ["costs", index, "amount"]));
    }
    if (item.fundedBy !== "clg") {
      if (item.fundedBy.other.trim() === "") {
        errors.push(costError(COST_MESSAGES.otherSource(n), ["costs", index, "otherSource"]));
      } else if (isClgByAnotherName(item.fundedBy.other)) {
        errors.push(costError(COST_MESSAGES.clgByAnotherName(n), ["costs", index, "otherSource"]));
      }
    }
  });

  const { clgRequestPence } = summariseCosts(items);
  if (clgRequestPence === 0) {
    errors.push(costError(COST_MESSAGES.noClgRequest, ["costs"]));
  }
  if (clgRequestPence > MAXIMUM_CLG_REQUEST_PENCE) {
    errors.push(costError(COST_MESSAGES.clgRequestTooHigh, ["costs"]));
  }
  return errors;
}

/** R-33 Errors in a cost breakdown and its value-for-money statement. */
export function validateCosts(
  items: readonly CostLine[],
  valueForMoney: string | null | undefined,
): CostError[] {
  const errors = validateCostLines(items);
  if (!valueForMoney || valueForMoney.trim() === "") {
    errors.push(costError(COST_MESSAGES.valueForMoney, ["valueForMoney"]));
  }
  return errors;
}

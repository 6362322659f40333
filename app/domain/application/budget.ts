// R-51 The detailed budget: lines (description, category, who funds it), each with a total and
// the amounts spent in each of the programme's quarters. R-33's rules on the CLG request are
// stage 1's own (validateCostLines, summariseCosts): at least one line funded by CLG, the CLG
// total no more than £100,000, other sources named (and not CLG by another name), so the other
// sources cover exactly what CLG does not.

import { COST_MESSAGES, summariseCosts, validateCostLines, type CostLine, type FundedBy } from "~/domain/eoi/costs";
import { answerRows, hasAnswer } from "~/domain/eoi/sections";
import { formatMoney, parseMoney, sumPence } from "~/domain/money";
import { isCostCategory, type CostCategory } from "~/domain/programme";
import type { QuarterLabel } from "~/domain/calendar";
import { quarterField, quarterOfField, type ApplicationProgramme } from "./programme";

export interface BudgetLine {
  description: string;
  category: CostCategory;
  fundedBy: FundedBy;
  totalPence: number;
  /** Pence by quarter label, for every quarter of the programme (0 when left blank). */
  byQuarter: Record<QuarterLabel, number>;
}

export interface BudgetIssue {
  /** Relative to the budget section's answers: ["lines", 1, "total"]. */
  path: Array<string | number>;
  text: string;
}

export interface BudgetSummary {
  totalPence: number;
  /** R-33 R-51 What the budget asks of CLG. */
  clgPence: number;
  /** R-33 What other sources fund: totalPence − clgPence, exactly. */
  otherPence: number;
  otherSources: Array<{ source: string; pence: number }>;
  /** Spend in each quarter of the programme, split by CLG and other sources. */
  byQuarter: Array<{ quarter: QuarterLabel; clgPence: number; otherPence: number; totalPence: number }>;
}

const str = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/**
 * R-51 Reads the saved budget rows into lines in pence, with an issue for everything that stops a
 * line being read or that breaks a rule, each naming its line ("budget line 2"):
 * - every line has a description, a category, a funder (a named source when not CLG) and a total;
 * - the amounts by quarter are money, and add up to the line's total (blank counts as £0);
 * - nothing is budgeted in a quarter outside the programme (after the round's dates changed);
 * - R-33 on the whole: CLG funds at least one line and no more than £100,000 in all.
 * Lines that cannot be read are left out of `lines` (and so of the totals).
 */
export function readBudget(rowsValue: unknown, programme: ApplicationProgramme): { lines: BudgetLine[]; issues: BudgetIssue[] } {
  const rows = answerRows(rowsValue).filter(hasAnswer);
  const issues: BudgetIssue[] = [];
  const lines: BudgetLine[] = [];
  const costLines: CostLine[] = [];
  const at = (index: number, field: string, text: string) => issues.push({ path: ["lines", index, field], text });

  rows.forEach((row, index) => {
    const n = index + 1;
    const description = str(row.description);
    if (!description) at(index, "description", `Enter a description of budget line ${n}`);
    const category = isCostCategory(row.category) ? row.category : null;
    if (!category) at(index, "category", `Select a category for budget line ${n}`);
    const fundedByKey = row.fundedBy === "clg" || row.fundedBy === "other" ? row.fundedBy : null;
    if (!fundedByKey) at(index, "fundedBy", `Select who will fund budget line ${n}`);
    const otherSource = str(row.otherSource);
    if (fundedByKey === "other" && !otherSource) at(index, "otherSource", `Enter the name of the other source funding budget line ${n}`);

    let totalPence: number | null = null;
    const totalText = str(row.total);
    if (!totalText) at(index, "total", `Enter the total for budget line ${n}`);
    else {
      const parsed = parseMoney(totalText, { subject: `total for budget line ${n}` });
      if (!parsed.ok) at(index, "total", parsed.error);
      else if (parsed.pence === 0) at(index, "total", `Total for budget line ${n} must be more than £0`);
      else totalPence = parsed.pence;
    }

    const byQuarter: Record<QuarterLabel, number> = {};
    let quartersReadable = true;
    for (const quarter of programme.quarters) {
      const typed = str(row[quarterField(quarter)]);
      if (!typed) {
        byQuarter[quarter] = 0;
        continue;
      }
      const parsed = parseMoney(typed, { subject: `amount for ${quarter} in budget line ${n}` });
      if (parsed.ok) byQuarter[quarter] = parsed.pence;
      else {
        quartersReadable = false;
        at(index, quarterField(quarter), parsed.error);
      }
    }

    // R-51 "quarters outside the programme": amounts saved for a quarter the round no longer has.
    for (const [key, value] of Object.entries(row)) {
      const quarter = quarterOfField(key);
      if (!quarter || programme.quarters.includes(quarter) || !str(value)) continue;
      const parsed = parseMoney(str(value));
      const amount = parsed.ok ? formatMoney(parsed.pence) : `“${str(value)}”`;
      at(index, "total", `Budget line ${n} has ${amount} in ${quarter}, which is outside the programme (${programme.quarters[0]} to ${programme.quarters.at(-1)}) – put it in one of the programme’s quarters`);
      quartersReadable = false;
    }

    if (totalPence !== null && quartersReadable) {
      const quartersTotal = sumPence(Object.values(byQuarter));
      if (quartersTotal !== totalPence) {
        const first = programme.quarters[0];
        at(index, first ? quarterField(first) : "total", `The amounts by quarter for budget line ${n} add up to ${formatMoney(quartersTotal)}, not its total of ${formatMoney(totalPence)}`);
      }
    }

    const fundedBy: FundedBy = fundedByKey === "other" ? { other: otherSource } : "clg";
    costLines.push({ description: description || "-", category: category ?? "other", amountPence: totalPence ?? 0, fundedBy: fundedByKey ? fundedBy : "clg" });
    if (description && category && fundedByKey && totalPence !== null && (fundedByKey === "clg" || otherSource)) {
      lines.push({ description, category, fundedBy, totalPence, byQuarter });
    }
  });

  // R-33 on the whole budget, with stage 1's rules and words for "budget line".
  for (const error of validateCostLines(costLines)) {
    const line = typeof error.path[1] === "number" ? error.path[1] : null;
    if (line !== null && error.text !== COST_MESSAGES.clgByAnotherName(line + 1)) continue; // reported above in our words
    let text = error.text.replace(/^Cost (\d+)/, "Budget line $1").replace(/\bcosts?\b/, (word) => (word === "cost" ? "budget line" : "budget lines"));
    if (error.text === COST_MESSAGES.clgRequestTooHigh) text = `${text} – the budget lines funded by CLG add up to ${formatMoney(summariseCosts(lines.map(toCostLine)).clgRequestPence)}`;
    issues.push({ path: line === null ? ["lines"] : ["lines", line, "otherSource"], text });
  }
  return { lines, issues };
}

const toCostLine = (line: BudgetLine): CostLine => ({ description: line.description, category: line.category, amountPence: line.totalPence, fundedBy: line.fundedBy });

/** R-33 R-51 The budget's totals: overall, CLG and other sources, and by quarter. */
export function summariseBudget(lines: readonly BudgetLine[], programme: ApplicationProgramme): BudgetSummary {
  const costs = summariseCosts(lines.map(toCostLine));
  return {
    totalPence: costs.totalPence,
    clgPence: costs.clgRequestPence,
    otherPence: costs.otherSourcesPence,
    otherSources: costs.otherSources,
    byQuarter: programme.quarters.map((quarter) => {
      const clgPence = sumPence(lines.filter((l) => l.fundedBy === "clg").map((l) => l.byQuarter[quarter] ?? 0));
      const otherPence = sumPence(lines.filter((l) => l.fundedBy !== "clg").map((l) => l.byQuarter[quarter] ?? 0));
      return { quarter, clgPence, otherPence, totalPence: clgPence + otherPence };
    }),
  };
}

/** R-51 The CLG request of saved budget answers (lines that can be read). */
export function clgRequestOfBudget(answers: Readonly<Record<string, unknown>> | undefined, programme: ApplicationProgramme): number {
  return summariseBudget(readBudget(answers?.lines, programme).lines, programme).clgPence;
}

import { readBudget, summariseBudget } from "~/domain/application/budget";
import { sectionAnswerRows, type AnswerRow } from "~/domain/application/display";
import type { ApplicationProgramme } from "~/domain/application/programme";
import type { ApplicationAnswers, ApplicationSection } from "~/domain/application/sections";
import { formatMoney } from "~/domain/money";
import { costCategoryLabel, isCostCategory } from "~/domain/programme";

// R-51 R-52 A detailed application's answers as plain data for pages: every section's answers
// (for check answers and the manager's view) and the budget as a table by line and by quarter.

export interface BudgetTable {
  quarters: string[];
  lines: Array<{ description: string; category: string; fundedBy: string; total: string; byQuarter: string[] }>;
  totals: { total: string; clg: string; other: string; byQuarter: Array<{ clg: string; other: string; total: string }> };
  otherSources: Array<{ source: string; amount: string }>;
}

export interface AnswersView {
  sections: Array<{ id: string; number: number; title: string; rows: Array<AnswerRow & { page: number }> }>;
  budget: BudgetTable;
}

export function answersView(programme: ApplicationProgramme, sections: readonly ApplicationSection[], answers: ApplicationAnswers): AnswersView {
  const { lines } = readBudget(answers.budget?.lines, programme);
  const summary = summariseBudget(lines, programme);
  return {
    sections: sections.map((section) => ({
      id: section.id,
      number: section.number,
      title: section.title,
      rows: sectionAnswerRows(section, answers[section.id])
        .filter((row) => !(section.id === "budget" && row.name === "lines"))
        .map((row) => ({ ...row, page: Math.max(0, section.pages.findIndex((p) => p.fields.includes(row.name))) + 1 })),
    })),
    budget: {
      quarters: programme.quarters,
      lines: lines.map((line) => ({
        description: line.description,
        category: isCostCategory(line.category) ? costCategoryLabel(line.category) : line.category,
        fundedBy: line.fundedBy === "clg" ? "CLG" : line.fundedBy.other,
        total: formatMoney(line.totalPence),
        byQuarter: programme.quarters.map((q) => formatMoney(line.byQuarter[q] ?? 0)),
      })),
      totals: {
        total: formatMoney(summary.totalPence),
        clg: formatMoney(summary.clgPence),
        other: formatMoney(summary.otherPence),
        byQuarter: summary.byQuarter.map((q) => ({ clg: formatMoney(q.clgPence), other: formatMoney(q.otherPence), total: formatMoney(q.totalPence) })),
      },
      otherSources: summary.otherSources.map((s) => ({ source: s.source, amount: formatMoney(s.pence) })),
    },
  };
}

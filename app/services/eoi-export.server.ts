// R-72 Every expression of interest of the round for staff, as CSV and as XLSX: one row per EOI,
// one column per question of each section, add-another answers in one cell with a line
// per row. Times are shown in UK time (Europe/London); money in pounds from integer pence.

import { TZDate } from "@date-fns/tz";
import ExcelJS from "exceljs";
import type { Knex } from "knex";
import { listEoisWithAnswers, type EoiWithAuthority } from "~/data/eois.server";
import { currentRound } from "~/data/rounds.server";
import type { User } from "~/data/users.server";
import { LONDON, parseIsoDate } from "~/domain/calendar";
import { answerLines } from "~/domain/eoi/display";
import { checkTwoPageLimit } from "~/domain/eoi/schema";
import { SECTIONS, visibleAnswers, type Question, type Section } from "~/domain/eoi/sections";
import { authorityTypeLabel, isAuthorityType } from "~/domain/programme";
import { EoiAccessError } from "./eoi.server";
import { clgRequestOf } from "./eoi-admin.server";

export type ExportValue =
  | { kind: "text"; value: string }
  | { kind: "money"; pence: number | null }
  | { kind: "number"; value: number }
  /** An instant (ISO UTC), shown as UK time. */
  | { kind: "datetime"; iso: string | null }
  /** A London calendar day, YYYY-MM-DD. */
  | { kind: "date"; date: string | null };

export interface ExportColumn {
  header: string;
  /** Width in characters for the spreadsheet. */
  width: number;
  cell: (eoi: EoiWithAuthority) => ExportValue;
}

const text = (value: string | null | undefined): ExportValue => ({ kind: "text", value: value ?? "" });

const STATUS_LABELS: Record<string, string> = { draft: "Draft", submitted: "Submitted", withdrawn: "Withdrawn", invited: "Invited to apply", "not-selected": "Not selected" };

// Region and type are asked in section 1 only to show the officer what the register says:
// they are the "Region" and "Type of authority" columns, from the register.
const FROM_THE_REGISTER = new Set(["region", "authorityType"]);

/** R-72 One question's answer as one cell: checkboxes joined by "; ", add-another rows one per line. */
export function answerCell(section: Section, question: Question, eoi: EoiWithAuthority): string {
  const shown = visibleAnswers(section, eoi.answers[section.id]);
  const lines = answerLines(question, shown[question.name]);
  return lines.join(question.kind === "checkboxes" ? "; " : "\n");
}

/** R-72 The columns of the export: the EOI's facts, then every question of every section in order. */
export function eoiExportColumns(): ExportColumn[] {
  const facts: ExportColumn[] = [
    { header: "Reference", width: 16, cell: (eoi) => text(eoi.reference) },
    { header: "Lead authority", width: 36, cell: (eoi) => text(eoi.authorityName) },
    { header: "Region", width: 22, cell: (eoi) => text(eoi.region) },
    { header: "Type of authority", width: 20, cell: (eoi) => text(isAuthorityType(eoi.type) ? authorityTypeLabel(eoi.type) : eoi.type) },
    { header: "Status", width: 11, cell: (eoi) => text(STATUS_LABELS[eoi.status] ?? eoi.status) },
    { header: "Submitted at (UK time)", width: 18, cell: (eoi) => ({ kind: "datetime", iso: eoi.submittedAt }) },
    { header: "Hard copy received", width: 14, cell: (eoi) => ({ kind: "date", date: eoi.hardCopyReceivedAt }) },
    { header: "Deadline extended to (UK time)", width: 18, cell: (eoi) => ({ kind: "datetime", iso: eoi.deadlineExtendedTo }) },
    { header: "Withdrawn at (UK time)", width: 18, cell: (eoi) => ({ kind: "datetime", iso: eoi.withdrawnAt }) },
    { header: "Reason for withdrawal", width: 40, cell: (eoi) => text(eoi.withdrawnReason) },
    { header: "CLG request (£)", width: 14, cell: (eoi) => ({ kind: "money", pence: clgRequestOf(eoi.answers) }) },
    { header: "Words in sections 2 to 9", width: 10, cell: (eoi) => ({ kind: "number", value: checkTwoPageLimit(eoi.answers).totalWords }) },
  ];
  const questions: ExportColumn[] = SECTIONS.flatMap((section) =>
    section.questions
      .filter((question) => !(section.id === "about-the-bid" && FROM_THE_REGISTER.has(question.name)))
      .map((question) => ({
        header: `${section.number}. ${section.title}: ${question.label}`,
        width: question.kind === "textarea" || question.kind === "add-another" ? 60 : 24,
        cell: (eoi: EoiWithAuthority) => text(answerCell(section, question, eoi)),
      })),
  );
  return [...facts, ...questions];
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: ExportValue[][];
}

/** R-20 R-72 Every EOI of the current round (drafts and withdrawn ones too: the status says which), for the programme manager. */
export async function eoiExportTable(db: Knex, input: { actor: User }): Promise<ExportTable> {
  if (input.actor.role !== "programme_manager") throw new EoiAccessError("only the programme manager exports expressions of interest");
  const round = await currentRound(db);
  const eois = round ? await listEoisWithAnswers(db, round.id) : [];
  const columns = eoiExportColumns();
  return { columns, rows: eois.map((eoi) => columns.map((column) => column.cell(eoi))) };
}

// ---------------------------------------------------------------------------------------
// CSV

/** London wall-clock parts of an instant. */
function londonParts(iso: string) {
  const local = new TZDate(new Date(iso).getTime(), LONDON);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate(), hours: local.getHours(), minutes: local.getMinutes(), seconds: local.getSeconds() };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2009-07-10 10:00" in UK time. */
export function ukDateTime(iso: string): string {
  const p = londonParts(iso);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hours)}:${pad(p.minutes)}`;
}

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvText(value: ExportValue): string {
  switch (value.kind) {
    case "text":
      return FORMULA_START.test(value.value) ? `'${value.value}` : value.value;
    case "money":
      return value.pence === null ? "" : (value.pence / 100).toFixed(2);
    case "number":
      return String(value.value);
    case "datetime":
      return value.iso ? ukDateTime(value.iso) : "";
    case "date":
      return value.date ?? "";
  }
}

const csvCell = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** R-72 RFC 4180 CSV with a byte-order mark, so spreadsheet programs read it as UTF-8. */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map((column) => csvCell(column.header)), ...table.rows.map((row) => row.map((value) => csvCell(csvText(value))))];
  return `\uFEFF${lines.map((line) => line.join(",")).join("\r\n")}\r\n`;
}

export async function eoisCsv(db: Knex, input: { actor: User }): Promise<string> {
  return toCsv(await eoiExportTable(db, input));
}

// ---------------------------------------------------------------------------------------
// XLSX

/** A spreadsheet date has no time zone: it is given the UK wall-clock time. */
function spreadsheetDateTime(iso: string): Date {
  const p = londonParts(iso);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hours, p.minutes, p.seconds));
}

function spreadsheetDate(date: string): Date | null {
  const parts = parseIsoDate(date);
  return parts ? new Date(Date.UTC(parts.year, parts.month - 1, parts.day)) : null;
}

function xlsxValue(value: ExportValue): string | number | Date | null {
  switch (value.kind) {
    case "text":
      return value.value; // written as a string cell: never a formula
    case "money":
      return value.pence === null ? null : value.pence / 100;
    case "number":
      return value.value;
    case "datetime":
      return value.iso ? spreadsheetDateTime(value.iso) : null;
    case "date":
      return value.date ? spreadsheetDate(value.date) : null;
  }
}

const NUMBER_FORMATS: Partial<Record<ExportValue["kind"], string>> = {
  money: '"£"#,##0.00',
  datetime: "yyyy-mm-dd hh:mm",
  date: "yyyy-mm-dd",
};

/** R-72 The same table as an Excel workbook: a header row that stays in view, filters, money and dates as such. */
export async function toXlsx(table: ExportTable, options: { createdAt: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Practitioners’ Toolkit pilot programme";
  workbook.created = options.createdAt;
  const sheet = workbook.addWorksheet("Expressions of interest", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map(xlsxValue));
    added.alignment = { vertical: "top", wrapText: true };
    row.forEach((value, index) => {
      const format = NUMBER_FORMATS[value.kind];
      if (format) added.getCell(index + 1).numFmt = format;
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function eoisXlsx(db: Knex, input: { actor: User; now: Date }): Promise<Buffer> {
  return toXlsx(await eoiExportTable(db, input), { createdAt: input.now });
}

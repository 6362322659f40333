// R-72 Stage 4 for staff, as CSV and XLSX: the pilots' outputs (one row per pilot and output),
// the output records (one row per record, each field its own column), the quarterly reports (one
// row per report, every answer its own column) and the grant claims. Built as the sift's exports
// are (app/services/sift-exports.server.ts): the same cell kinds, the same CSV writer (RFC 4180,
// byte-order mark, formulas defused) and the same workbook layout (header row frozen, filters,
// money, dates and times as such). Statuses are the pilots' own rules (outputs.ts, reports.ts).

import { TZDate } from "@date-fns/tz";
import ExcelJS from "exceljs";
import type { Knex } from "knex";
import { latestUpdates, listClaims, listOutputRecords, listOutputUpdates, listReportReviews, listReports } from "~/data/monitoring.server";
import { listAwards } from "~/data/awards.server";
import { currentRound } from "~/data/rounds.server";
import type { User } from "~/data/users.server";
import { LONDON, londonDate, quarterOf } from "~/domain/calendar";
import { CLAIM_STATUS_TAG, type ClaimStatus } from "~/domain/monitoring/claims";
import { describeRecord, parseStoredRecord, RECORD_KINDS, toolkitAreaLabel, type RecordData, type RecordKind } from "~/domain/monitoring/output-records";
import { dueDateFromPlan, isOutputStatus, outputStatus, outputStatusLabel } from "~/domain/monitoring/outputs";
import { isReportStatus, readAnswers, reportState } from "~/domain/monitoring/reports";
import { OUTPUTS, REGIONS } from "~/domain/programme";
import { toCsv, type ExportColumn, type ExportTable, type ExportValue } from "./eoi-export.server";
import { scheduleFor } from "./pilot-reports.server";
import { PilotForbiddenError, pilotForManager, type Pilot } from "./pilots.server";

export const MONITORING_EXPORTS = {
  outputs: { title: "Outputs", what: "One row per pilot and output A to F: the plan, due date, status (late once the due date has passed), and the latest update with its evidence." },
  "output-records": { title: "Output records", what: "One row per record: events and workshops (B), network members (C), cost and staff-time figures (D), Toolkit change proposals (E) and data returns (F), each field in its own column." },
  reports: { title: "Quarterly reports", what: "One row per report due, whether written or not: its state (overdue, submitted, queried, accepted), every answer in its own column, and the queries and answers." },
  claims: { title: "Grant claims", what: "One row per claim: amount, period, spend evidence, decision and reason, with the pilot's award and approved total." },
} as const;
export type MonitoringExport = keyof typeof MONITORING_EXPORTS;
export const isMonitoringExport = (value: unknown): value is MonitoringExport => typeof value === "string" && value in MONITORING_EXPORTS;

const text = (value: string | null | undefined): ExportValue => ({ kind: "text", value: value ?? "" });
const number = (value: number | null | undefined): ExportValue => (value === null || value === undefined ? text("") : { kind: "number", value });
const money = (pence: number | null | undefined): ExportValue => ({ kind: "money", pence: pence ?? null });
const datetime = (iso: string | null | undefined): ExportValue => ({ kind: "datetime", iso: iso || null });
const date = (day: string | null | undefined): ExportValue => ({ kind: "date", date: day || null });
const columns = (headers: Array<[string, number]>): ExportColumn[] => headers.map(([header, width]) => ({ header, width, cell: () => text("") }));

/** The round's pilots in region order, then id. */
async function roundPilots(db: Knex, actor: User): Promise<Pilot[]> {
  if (actor.role !== "programme_manager") throw new PilotForbiddenError("programme manager only");
  const round = await currentRound(db);
  if (!round) return [];
  const awards = (await listAwards(db, round.id)).filter((award) => award.status === "accepted");
  const pilots: Pilot[] = [];
  for (const award of awards) pilots.push(await pilotForManager(db, actor, award.id));
  const regionIndex = (region: string) => REGIONS.indexOf(region as (typeof REGIONS)[number]);
  return pilots.sort((a, b) => regionIndex(a.award.region) - regionIndex(b.award.region) || a.award.id - b.award.id);
}

const pilotCells = (pilot: Pilot): ExportValue[] => [text(pilot.award.region), text(pilot.award.authorityName), text(pilot.letter.grantId)];
const PILOT_HEADERS: Array<[string, number]> = [
  ["Region", 22],
  ["Lead authority", 36],
  ["Grant id", 22],
];

/** R-60 R-72 One row per pilot and output. */
async function outputsTable(db: Knex, pilots: Pilot[], today: string): Promise<ExportTable> {
  const updates = await listOutputUpdates(db, pilots.map((p) => p.award.id));
  const latest = latestUpdates(updates);
  const rows = pilots.flatMap((pilot) =>
    OUTPUTS.map((output) => {
      const planned = pilot.letter.outputs.find((o) => o.key === output.key);
      const due = dueDateFromPlan(planned?.when);
      const last = latest.get(`${pilot.award.id}:${output.key}`) ?? null;
      const said = last && isOutputStatus(last.status) ? last.status : null;
      const shown = outputStatus({ latest: said, dueDate: due, today });
      return [
        ...pilotCells(pilot),
        text(output.key),
        text(output.title),
        text(planned?.plan),
        date(due),
        text(planned?.when && !due ? planned.when : ""),
        text(planned?.cost),
        text(outputStatusLabel(shown)),
        text(said ? outputStatusLabel(said) : "No update yet"),
        number(updates.filter((u) => u.awardId === pilot.award.id && u.outputKey === output.key).length),
        datetime(last?.createdAt),
        text(last?.createdBy),
        text(last?.summary),
        text(last?.evidenceLink),
        text(last?.uploadName),
      ];
    }),
  );
  return {
    columns: columns([
      ...PILOT_HEADERS,
      ["Output", 7],
      ["Output title", 30],
      ["Plan", 60],
      ["Due date", 12],
      ["Due (as written, when not a date)", 16],
      ["Planned cost", 12],
      ["Status", 12],
      ["Status given in the latest update", 16],
      ["Updates", 8],
      ["Latest update at (UK time)", 18],
      ["Latest update by", 22],
      ["Latest update", 60],
      ["Evidence link", 40],
      ["Evidence file", 30],
    ]),
    rows,
  };
}

// Each record kind's fields as typed cells (numbers, dates and money stay numbers, dates, money).
const RECORD_COLUMNS: Array<{ kind: RecordKind; header: string; width: number; cell: (record: RecordData) => ExportValue }> = [
  { kind: "event", header: "Event: date", width: 12, cell: (r) => (r.kind === "event" ? date(r.data.date) : text("")) },
  { kind: "event", header: "Event: place", width: 30, cell: (r) => (r.kind === "event" ? text(r.data.place) : text("")) },
  { kind: "event", header: "Event: attendees", width: 10, cell: (r) => (r.kind === "event" ? number(r.data.attendees) : text("")) },
  { kind: "event", header: "Event: authorities reached", width: 10, cell: (r) => (r.kind === "event" ? number(r.data.authoritiesReached) : text("")) },
  { kind: "event", header: "Event: authorities named", width: 40, cell: (r) => (r.kind === "event" ? text(r.data.authorityNames.join("\n")) : text("")) },
  { kind: "network-member", header: "Network member: name", width: 24, cell: (r) => (r.kind === "network-member" ? text(r.data.name) : text("")) },
  { kind: "network-member", header: "Network member: organisation", width: 30, cell: (r) => (r.kind === "network-member" ? text(r.data.organisation) : text("")) },
  { kind: "network-member", header: "Network member: role", width: 24, cell: (r) => (r.kind === "network-member" ? text(r.data.role) : text("")) },
  { kind: "network-member", header: "Network member: joined", width: 12, cell: (r) => (r.kind === "network-member" ? date(r.data.joinedOn) : text("")) },
  { kind: "impact-figure", header: "Impact figure: description", width: 40, cell: (r) => (r.kind === "impact-figure" ? text(r.data.description) : text("")) },
  { kind: "impact-figure", header: "Impact figure: cost", width: 12, cell: (r) => (r.kind === "impact-figure" ? money(r.data.costPence) : text("")) },
  { kind: "impact-figure", header: "Impact figure: staff hours", width: 10, cell: (r) => (r.kind === "impact-figure" ? number(r.data.staffHours) : text("")) },
  { kind: "change-proposal", header: "Change proposal: Toolkit theme", width: 24, cell: (r) => (r.kind === "change-proposal" ? text(toolkitAreaLabel(r.data.theme)) : text("")) },
  { kind: "change-proposal", header: "Change proposal: section", width: 20, cell: (r) => (r.kind === "change-proposal" ? text(r.data.section) : text("")) },
  { kind: "change-proposal", header: "Change proposal: proposal", width: 50, cell: (r) => (r.kind === "change-proposal" ? text(r.data.proposal) : text("")) },
  { kind: "change-proposal", header: "Change proposal: rationale", width: 50, cell: (r) => (r.kind === "change-proposal" ? text(r.data.rationale) : text("")) },
  { kind: "data-return", header: "Data return: period", width: 12, cell: (r) => (r.kind === "data-return" ? text(r.data.period) : text("")) },
  { kind: "data-return", header: "Data return: what was returned", width: 50, cell: (r) => (r.kind === "data-return" ? text(r.data.description) : text("")) },
  { kind: "data-return", header: "Data return: sent", width: 12, cell: (r) => (r.kind === "data-return" ? date(r.data.sentOn) : text("")) },
];

/** R-60 R-72 One row per output record, each field of each kind in its own column. */
async function outputRecordsTable(db: Knex, pilots: Pilot[]): Promise<ExportTable> {
  const byId = new Map(pilots.map((p) => [p.award.id, p]));
  const records = await listOutputRecords(db, pilots.map((p) => p.award.id));
  const rows = pilots.flatMap((pilot) =>
    records
      .filter((record) => record.awardId === pilot.award.id)
      .map((record) => {
        const parsed = parseStoredRecord(record.kind, record.dataJson);
        return [
          ...pilotCells(byId.get(record.awardId)!),
          text(record.outputKey),
          text(parsed ? RECORD_KINDS[parsed.kind].noun : record.kind),
          datetime(record.createdAt),
          text(record.createdBy),
          text(parsed ? describeRecord(parsed) : "This record could not be read"),
          text(record.uploadName),
          ...RECORD_COLUMNS.map((column) => (parsed ? column.cell(parsed) : text(""))),
        ];
      }),
  );
  return {
    columns: columns([...PILOT_HEADERS, ["Output", 7], ["Record", 16], ["Recorded at (UK time)", 18], ["Recorded by", 22], ["Summary", 60], ["Evidence file", 30], ...RECORD_COLUMNS.map((c): [string, number] => [c.header, c.width])]),
    rows,
  };
}

/** R-61 R-72 One row per report the pilots owe (written or not), every answer its own column. */
async function reportsTable(db: Knex, pilots: Pilot[], today: string): Promise<ExportTable> {
  const stored = await listReports(db, pilots.map((p) => p.award.id));
  const reviews = await listReportReviews(db, stored.map((r) => r.id));
  const rows = pilots.flatMap((pilot) =>
    scheduleFor(pilot).map((scheduled) => {
      const report = stored.find((r) => r.awardId === pilot.award.id && r.quarter === scheduled.quarter) ?? null;
      const status = report && isReportStatus(report.status) ? report.status : null;
      const state = reportState({ due: scheduled.due, status, today, quarter: scheduled.quarter, start: scheduled.start, end: scheduled.end, remindOn: scheduled.remindOn });
      const answers = readAnswers(report?.answers ?? {});
      const trail = report ? reviews.filter((r) => r.reportId === report.id) : [];
      const lastOf = (event: string) => [...trail].reverse().find((r) => r.event === event) ?? null;
      return [
        ...pilotCells(pilot),
        text(scheduled.quarter),
        text(scheduled.title),
        date(scheduled.due),
        text(state.label),
        text(state.overdue ? "Yes" : "No"),
        datetime(report?.submittedAt),
        text(report?.submittedBy),
        datetime(report?.decidedAt),
        text(report?.decidedBy),
        ...OUTPUTS.map((output) => text(answers.progress[output.key])),
        money(report?.spendPence),
        text(report?.spendPence === null || report?.spendPence === undefined ? answers.spend : ""),
        text(answers.risks),
        text(answers.issues),
        number(trail.filter((r) => r.event === "queried").length),
        text(lastOf("queried")?.comments),
        text(lastOf("answered")?.comments),
        text(trail.map((r) => `${r.at.slice(0, 10)} ${r.event} by ${r.by}${r.comments ? `: ${r.comments}` : ""}`).join("\n")),
      ];
    }),
  );
  return {
    columns: columns([
      ...PILOT_HEADERS,
      ["Quarter", 12],
      ["Report", 40],
      ["Due date", 12],
      ["State", 16],
      ["Overdue", 8],
      ["Submitted at (UK time)", 18],
      ["Submitted by", 22],
      ["Decided at (UK time)", 18],
      ["Decided by", 22],
      ...OUTPUTS.map((output): [string, number] => [`Progress on output ${output.key}: ${output.title}`, 50]),
      ["Spend this quarter", 14],
      ["Spend as written (when not an amount)", 16],
      ["Risks", 50],
      ["Issues", 50],
      ["Queries", 8],
      ["Latest query", 50],
      ["Latest answer", 50],
      ["Review trail", 60],
    ]),
    rows,
  };
}

/** R-62 R-72 One row per grant claim, with its pilot's award and approved total. */
async function claimsTable(db: Knex, pilots: Pilot[]): Promise<ExportTable> {
  const byId = new Map(pilots.map((p) => [p.award.id, p]));
  const claims = await listClaims(db, pilots.map((p) => p.award.id));
  const approved = (awardId: number) => claims.filter((c) => c.awardId === awardId && c.status === "approved").reduce((sum, c) => sum + c.amountPence, 0);
  const rows = claims
    .filter((claim) => byId.has(claim.awardId))
    .map((claim) => {
      const pilot = byId.get(claim.awardId)!;
      return [
        number(claim.id),
        ...pilotCells(pilot),
        money(claim.amountPence),
        date(claim.periodStart),
        date(claim.periodEnd),
        text(claim.periodEnd ? quarterOf(claim.periodEnd) : ""),
        text(claim.spendEvidence),
        text(claim.uploadName),
        text(CLAIM_STATUS_TAG[claim.status as ClaimStatus]?.label ?? claim.status),
        datetime(claim.submittedAt),
        text(claim.submittedBy),
        datetime(claim.decidedAt),
        text(claim.decidedBy),
        text(claim.decisionReason),
        money(pilot.award.amountPence),
        money(approved(claim.awardId)),
      ];
    });
  return {
    columns: columns([
      ["Claim", 8],
      ...PILOT_HEADERS,
      ["Amount", 12],
      ["Period from", 12],
      ["Period to", 12],
      ["Quarter", 12],
      ["Spend evidence", 60],
      ["Evidence file", 30],
      ["Status", 20],
      ["Submitted at (UK time)", 18],
      ["Submitted by", 22],
      ["Decided at (UK time)", 18],
      ["Decided by", 22],
      ["Reason", 40],
      ["Pilot's award", 12],
      ["Pilot's approved claims", 12],
    ]),
    rows,
  };
}

/** R-20 R-72 One of stage 4's exports as a table, for the programme manager only. */
export async function monitoringExportTable(db: Knex, input: { actor: User; which: MonitoringExport; now: Date }): Promise<ExportTable> {
  const pilots = await roundPilots(db, input.actor);
  const today = londonDate(input.now);
  switch (input.which) {
    case "outputs":
      return outputsTable(db, pilots, today);
    case "output-records":
      return outputRecordsTable(db, pilots);
    case "reports":
      return reportsTable(db, pilots, today);
    case "claims":
      return claimsTable(db, pilots);
  }
}

export async function monitoringCsv(db: Knex, input: { actor: User; which: MonitoringExport; now: Date }): Promise<string> {
  return toCsv(await monitoringExportTable(db, input));
}

// ---------------------------------------------------------------------------------------
// XLSX, as the sift's: header row in view, filters, money, dates and times as such.

/** A spreadsheet time has no zone: it gets the UK wall-clock time. */
function ukWallClock(iso: string): Date {
  const local = new TZDate(new Date(iso).getTime(), LONDON);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()));
}

function xlsxValue(value: ExportValue): string | number | Date | null {
  switch (value.kind) {
    case "text":
      return value.value === "" ? null : value.value; // a string cell, never a formula; nothing stays an empty cell
    case "money":
      return value.pence === null ? null : value.pence / 100;
    case "number":
      return value.value;
    case "datetime":
      return value.iso ? ukWallClock(value.iso) : null;
    case "date":
      return value.date ? new Date(`${value.date}T00:00:00Z`) : null;
  }
}

export async function monitoringXlsx(db: Knex, input: { actor: User; which: MonitoringExport; now: Date }): Promise<Buffer> {
  const table = await monitoringExportTable(db, input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Practitioners’ Toolkit pilot programme";
  workbook.created = input.now;
  const sheet = workbook.addWorksheet(MONITORING_EXPORTS[input.which].title, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: "top", wrapText: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map(xlsxValue));
    added.alignment = { vertical: "top", wrapText: true };
    row.forEach((value, index) => {
      if (value.kind === "money") added.getCell(index + 1).numFmt = '"£"#,##0.00';
      if (value.kind === "datetime") added.getCell(index + 1).numFmt = "yyyy-mm-dd hh:mm";
      if (value.kind === "date") added.getCell(index + 1).numFmt = "yyyy-mm-dd";
    });
  }
  if (table.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

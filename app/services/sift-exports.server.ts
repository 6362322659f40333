// R-72 The sift for staff, as CSV and XLSX: the EOIs with their scores (every question its own
// column, as in the stage 1 export, then each assessor's criterion scores and justifications,
// moderation and the final score), every assignment, and the selection.

import { TZDate } from "@date-fns/tz";
import ExcelJS from "exceljs";
import type { Knex } from "knex";
import { listEoisWithAnswers } from "~/data/eois.server";
import { findRound } from "~/data/rounds.server";
import { findSelection, findShortlist, latestVersions, listAssessmentVersions, listRoundAssignments, listSelections, SIFTED_STATUSES } from "~/data/sift.server";
import type { User } from "~/data/users.server";
import { LONDON, formatDateTimeLondon } from "~/domain/calendar";
import type { SelectionInput, SelectionResult } from "~/domain/selection";
import { ASSESSMENT_CRITERIA } from "~/domain/sift/criteria";
import { FINAL_SCORE_LABELS } from "~/domain/sift/moderation";
import { forcedByLabel, requirementLabel } from "~/domain/sift/selection";
import { eoiExportColumns, toCsv, type ExportColumn, type ExportTable, type ExportValue } from "./eoi-export.server";
import { SiftNotFoundError, requireRole } from "./sift-errors.server";
import { loadSiftState, type BidInSift } from "./sift-overview.server";
import type { CandidateSnapshot } from "./sift-selection.server";

export const SIFT_EXPORTS = {
  "eois-with-scores": "Expressions of interest with scores",
  assignments: "Assignments",
  selection: "Selection",
} as const;
export type SiftExport = keyof typeof SIFT_EXPORTS;
export const isSiftExport = (value: unknown): value is SiftExport => typeof value === "string" && value in SIFT_EXPORTS;

const text = (value: string | null | undefined): ExportValue => ({ kind: "text", value: value ?? "" });
const number = (value: number | null | undefined): ExportValue => (value === null || value === undefined ? text("") : { kind: "number", value });
const datetime = (iso: string | null | undefined): ExportValue => ({ kind: "datetime", iso: iso ?? null });
const points = (hundredths: number | null | undefined): ExportValue => (hundredths === null || hundredths === undefined ? text("") : { kind: "number", value: hundredths / 100 });

/** Columns computed from the sift rather than the EOI itself (looked up by the EOI's id). */
function siftColumns(byId: Map<number, BidInSift>): ExportColumn[] {
  const of = (eoiId: number) => byId.get(eoiId);
  const assessor = (slot: 0 | 1): ExportColumn[] => {
    const who = (eoiId: number) => of(eoiId)?.assessors[slot];
    const label = `Assessor ${slot + 1}`;
    return [
      { header: label, width: 22, cell: (eoi) => text(who(eoi.id)?.name) },
      { header: `${label}: status`, width: 12, cell: (eoi) => text(who(eoi.id)?.state) },
      { header: `${label}: version`, width: 8, cell: (eoi) => number(who(eoi.id)?.latest?.version) },
      { header: `${label}: weighted total`, width: 10, cell: (eoi) => points(who(eoi.id)?.totalHundredths) },
      ...ASSESSMENT_CRITERIA.flatMap((criterion): ExportColumn[] => [
        { header: `${label}: ${criterion.number}. ${criterion.title}: score`, width: 8, cell: (eoi) => number(who(eoi.id)?.latest?.scores[criterion.key]?.score) },
        { header: `${label}: ${criterion.number}. ${criterion.title}: justification`, width: 50, cell: (eoi) => text(who(eoi.id)?.latest?.scores[criterion.key]?.justification) },
      ]),
    ];
  };
  return [
    { header: "CLG request", width: 12, cell: (eoi) => ({ kind: "money", pence: of(eoi.id)?.requestPence ?? null }) },
    ...assessor(0),
    ...assessor(1),
    {
      header: "Needs moderation",
      width: 10,
      cell: (eoi) => {
        const bid = of(eoi.id);
        if (!bid) return text("");
        if (bid.final.status === "needs-moderation") return text("Yes");
        return text(bid.moderation ? "Moderated" : bid.final.status === "mean" ? "No" : "");
      },
    },
    { header: "Why moderation is needed", width: 50, cell: (eoi) => text(of(eoi.id)?.final.status === "needs-moderation" ? (of(eoi.id)!.final as { check: { reasons: string[] } }).check.reasons.join("\n") : "") },
    { header: "Moderated total", width: 10, cell: (eoi) => points(of(eoi.id)?.moderation?.totalHundredths) },
    ...ASSESSMENT_CRITERIA.map((criterion): ExportColumn => ({ header: `Agreed: ${criterion.number}. ${criterion.title}`, width: 8, cell: (eoi) => number(of(eoi.id)?.moderation?.scores[criterion.key]) })),
    { header: "Moderated by", width: 20, cell: (eoi) => text(of(eoi.id)?.moderation?.moderatorName) },
    { header: "Moderated at (UK time)", width: 18, cell: (eoi) => datetime(of(eoi.id)?.moderation?.moderatedAt) },
    { header: "Moderation reason", width: 50, cell: (eoi) => text(of(eoi.id)?.moderation?.reason) },
    { header: "Final score", width: 10, cell: (eoi) => points(of(eoi.id)?.final.hundredths) },
    { header: "Final score basis", width: 22, cell: (eoi) => text(of(eoi.id) ? FINAL_SCORE_LABELS[of(eoi.id)!.final.status] : "") },
  ];
}

async function eoisWithScores(db: Knex, roundId: number): Promise<ExportTable> {
  const [eois, state] = await Promise.all([listEoisWithAnswers(db, roundId), loadSiftState(db, roundId)]);
  const byId = new Map(state.bids.map((bid) => [bid.id, bid]));
  const inSift = eois.filter((eoi) => (SIFTED_STATUSES as readonly string[]).includes(eoi.status));
  const columns = [...eoiExportColumns(), ...siftColumns(byId)];
  return { columns, rows: inSift.map((eoi) => columns.map((column) => column.cell(eoi))) };
}

async function assignments(db: Knex, roundId: number): Promise<ExportTable> {
  const [rows, state, versions] = await Promise.all([listRoundAssignments(db, roundId), loadSiftState(db, roundId), listAssessmentVersions(db, { roundId })]);
  const byId = new Map(state.bids.map((bid) => [bid.id, bid]));
  const latest = latestVersions(versions);
  const headers: Array<[string, number]> = [
    ["Reference", 16],
    ["Lead authority", 36],
    ["Region", 22],
    ["Assessor", 22],
    ["Assessor email", 34],
    ["How assigned", 12],
    ["Assigned at (UK time)", 18],
    ["Taken off at (UK time)", 18],
    ["Assessment status", 12],
    ["Versions saved", 8],
    ["Weighted total", 10],
  ];
  const columns: ExportColumn[] = headers.map(([header, width]) => ({ header, width, cell: () => text("") }));
  return {
    columns,
    rows: rows
      .filter((row) => byId.has(row.eoiId))
      .map((row) => {
        const bid = byId.get(row.eoiId)!;
        const version = latest.find((v) => v.eoiId === row.eoiId && v.assessorId === row.assessorId);
        return [
          text(bid.reference),
          text(bid.authorityName),
          text(bid.region),
          text(row.assessorName),
          text(row.assessorEmail),
          text(row.method === "automatic" ? "Automatically" : "By hand"),
          datetime(row.assignedAt),
          datetime(row.endedAt),
          text(version ? version.status : "not started"),
          number(version?.version ?? 0),
          points(version?.totalHundredths),
        ];
      }),
  };
}

/** The confirmed selection, else the latest saved one, else null. */
async function chosenSelection(db: Knex, roundId: number) {
  const shortlist = await findShortlist(db, roundId);
  const selection = shortlist ? await findSelection(db, shortlist.selectionId) : ((await listSelections(db, roundId))[0] ?? null);
  return selection ? { selection: selection as typeof selection & { input: SelectionInput; result: SelectionResult; candidates: CandidateSnapshot }, confirmed: Boolean(shortlist) } : null;
}

async function selectionTable(db: Knex, roundId: number): Promise<ExportTable & { requirements: ExportTable }> {
  const chosen = await chosenSelection(db, roundId);
  if (!chosen) throw new SiftNotFoundError("No selection has been saved yet");
  const { selection, confirmed } = chosen;
  const name = (id: string | null) => (id ? `${id} (${selection.candidates[id]?.authorityName ?? ""})` : "");
  const headers: Array<[string, number]> = [
    ["Region", 22],
    ["Pilot", 16],
    ["Lead authority", 36],
    ["Final score", 10],
    ["CLG request", 12],
    ["Top scorer", 40],
    ["Points given up", 10],
    ["Why not the top scorer", 40],
    ["Reserves, in order", 60],
    ["Selection", 30],
  ];
  const picks = new Map(selection.result.selected.map((pick) => [pick.region, pick]));
  const status = `${confirmed ? "Confirmed shortlist" : "Saved, not confirmed"}: saved at ${formatDateTimeLondon(new Date(selection.savedAt))} by ${selection.savedByName}`;
  return {
    columns: headers.map(([header, width]) => ({ header, width, cell: () => text("") })),
    rows: selection.result.regions.map((region) => {
      const pick = picks.get(region.region);
      return [
        text(region.region),
        text(region.pick),
        text(region.pick ? selection.candidates[region.pick]?.authorityName : ""),
        number(pick?.score),
        { kind: "money", pence: pick?.requestPence ?? null },
        text(name(region.topScorer)),
        number(region.pointsGivenUp),
        text(region.forcedBy.map(forcedByLabel).join("; ")),
        text(region.reserves.map(name).join("\n")),
        text(status),
      ];
    }),
    requirements: {
      columns: [
        { header: "Requirement", width: 50, cell: () => text("") },
        { header: "Met", width: 6, cell: () => text("") },
        { header: "Why not", width: 80, cell: () => text("") },
      ],
      rows: [
        ...selection.result.met.map((requirement) => [text(requirementLabel(requirement)), text("Yes"), text("")]),
        ...selection.result.unmet.map((unmet) => [text(requirementLabel(unmet.requirement)), text("No"), text(unmet.reason)]),
      ],
    },
  };
}

/** R-20 R-72 One of the sift's exports as a table, for the programme manager only. */
export async function siftExportTable(db: Knex, input: { actor: User; roundId: number; which: SiftExport }) {
  requireRole(input.actor, "programme_manager");
  if (!(await findRound(db, input.roundId))) throw new SiftNotFoundError();
  if (input.which === "eois-with-scores") return { sheets: [{ name: "EOIs with scores", table: await eoisWithScores(db, input.roundId) }] };
  if (input.which === "assignments") return { sheets: [{ name: "Assignments", table: await assignments(db, input.roundId) }] };
  const table = await selectionTable(db, input.roundId);
  return { sheets: [{ name: "Pilots by region", table }, { name: "Requirements", table: table.requirements }] };
}

export async function siftCsv(db: Knex, input: { actor: User; roundId: number; which: SiftExport }): Promise<string> {
  return toCsv((await siftExportTable(db, input)).sheets[0]!.table);
}

// ---------------------------------------------------------------------------------------
// XLSX: one worksheet per table, header row in view, filters, money and times as such.

/** A spreadsheet time has no zone: it gets the UK wall-clock time. */
function ukWallClock(iso: string): Date {
  const local = new TZDate(new Date(iso).getTime(), LONDON);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()));
}

function xlsxValue(value: ExportValue): string | number | Date | null {
  switch (value.kind) {
    case "text":
      return value.value; // a string cell: never a formula
    case "money":
      return value.pence === null ? null : value.pence / 100;
    case "number":
      return value.value;
    case "datetime":
      return value.iso ? ukWallClock(value.iso) : null;
    case "date":
      return value.date;
  }
}

export async function siftXlsx(db: Knex, input: { actor: User; roundId: number; which: SiftExport; now: Date }): Promise<Buffer> {
  const { sheets } = await siftExportTable(db, input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Practitioners’ Toolkit pilot programme";
  workbook.created = input.now;
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { vertical: "top", wrapText: true };
    for (const row of table.rows) {
      const added = sheet.addRow(row.map(xlsxValue));
      added.alignment = { vertical: "top", wrapText: true };
      row.forEach((value, index) => {
        if (value.kind === "money") added.getCell(index + 1).numFmt = '"£"#,##0.00';
        if (value.kind === "datetime") added.getCell(index + 1).numFmt = "yyyy-mm-dd hh:mm";
      });
    }
    if (table.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}


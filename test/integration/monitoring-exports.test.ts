import ExcelJS from "exceljs";
import type { Knex } from "knex";
import { describe, expect, it } from "vitest";
import { findUserById, type User } from "~/data/users.server";
import { OUTPUTS } from "~/domain/programme";
import { makeClaim } from "~/services/pilot-claims.server";
import { PilotForbiddenError } from "~/services/pilots.server";
import { monitoringCsv, monitoringXlsx, type MonitoringExport } from "~/services/monitoring-exports.server";
import { seedDemoWorld } from "../../db/seeds/demo";
import { seedStage4 } from "../../db/seeds/stage4";
import { createTestDb } from "../setup/db";

const NOW = new Date("2026-11-23T15:30:00Z");

/** A minimal RFC 4180 reader for the tests. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, "");
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), (i += 1);
    else cell += c;
  }
  return rows;
}

/** The workbook's one sheet as header → values rows, read back with exceljs. */
async function readXlsx(buffer: Buffer): Promise<{ name: string; header: string[]; rows: Array<Record<string, unknown>> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return { name: sheet.name, header, rows };
}

let db: Knex;
let manager: User;
/** The demo world at stage 4, and a claim whose description would run as a formula (each test has its own database). */
async function setup() {
  db = await createTestDb();
  await seedDemoWorld(db, NOW);
  await seedStage4(db, NOW);
  manager = (await findUserById(db, Number((await db("users").where({ role: "programme_manager" }).first("id")).id)))!;
  // A claim whose description would run as a formula in a spreadsheet.
  const officer = (await findUserById(db, Number((await db("users").where({ email: "officer@devon.example.gov.uk" }).first("id"))?.id ?? 0))) ?? null;
  const anyOfficer = officer ?? (await findUserById(db, Number((await db("grant_awards").join("users", "users.authority_id", "grant_awards.authority_id").first("users.id as id")).id)))!;
  const made = await makeClaim(db, { user: anyOfficer, form: { amount: "100", startDay: "1", startMonth: "10", startYear: "2026", endDay: "31", endMonth: "10", endYear: "2026", evidence: '=HYPERLINK("http://evil.example","click")' }, now: NOW });
  expect(made.ok).toBe(true);
}

const xlsx = async (which: MonitoringExport) => readXlsx(await monitoringXlsx(db, { actor: manager, which, now: NOW }));

describe("R-72 monitoring exports", () => {
  it("R-60 R-61 R-72 reports (one row per report due, every answer its own column), outputs (9 × 6, late by date) and output records (each field its own column), read back from the XLSX", async () => {
    await setup();
    const { name, header, rows } = await xlsx("reports");
    expect(name).toBe("Quarterly reports");
    for (const output of OUTPUTS) expect(header).toContain(`Progress on output ${output.key}: ${output.title}`);
    expect(header).toEqual(expect.arrayContaining(["Spend this quarter", "Risks", "Issues", "Latest query", "State", "Overdue"]));
    // Nine pilots, each with the programme's reports (written or not).
    const regions = new Set(rows.map((r) => r.Region));
    expect(regions.size).toBe(9);
    expect(rows.length).toBeGreaterThanOrEqual(18);
    const overdue = rows.filter((r) => r.Overdue === "Yes");
    expect(overdue.map((r) => r.Region)).toEqual(["West Midlands"]);
    expect(overdue[0]!.State).toBe("Overdue");
    const queried = rows.find((r) => r.State === "Queried")!;
    expect(String(queried["Latest query"])).toMatch(/Spend is well below the budget/);
    const accepted = rows.find((r) => r.State === "Accepted")!;
    expect(String(accepted["Progress on output A: Report on using the Toolkit"])).toMatch(/self-assessment/);
    expect(typeof accepted["Spend this quarter"]).toBe("number"); // money stays a number in the workbook
    expect(accepted["Due date"]).toBeInstanceOf(Date);

    // Outputs: one row per pilot and output, with the status shown and the latest update.
    const outputs = (await xlsx("outputs")).rows;
    expect(outputs).toHaveLength(54);
    const late = outputs.filter((r) => r.Status === "Late");
    expect(late.map((r) => [r.Region, r.Output])).toEqual([["London", "A"]]);
    expect(late[0]!["Status given in the latest update"]).toBe("At risk");
    expect(new Set(outputs.map((r) => r.Status))).toEqual(new Set(["Not started", "On track", "At risk", "Late", "Complete"]));
    const complete = outputs.find((r) => r.Status === "Complete")!;
    expect(String(complete["Evidence link"])).toMatch(/^https:\/\//);

    // Output records: one row per record, each field of each kind in its own column.
    const records = await xlsx("output-records");
    expect(records.header).toEqual(expect.arrayContaining(["Event: date", "Event: attendees", "Network member: name", "Impact figure: cost", "Change proposal: proposal", "Data return: period"]));
    expect(records.rows.length).toBe(Number((await db("output_records").count({ n: "*" }))[0]!.n));
    const event = records.rows.find((r) => r.Record === "event")!;
    expect(typeof event["Event: attendees"]).toBe("number");
    expect(event["Event: date"]).toBeInstanceOf(Date);
    expect(event["Network member: name"]).toBe(null);
  });

  it("R-62 R-72 claims: one row per claim with its decision, as CSV and XLSX; a formula in a cell is defused in the CSV and a string in the XLSX", async () => {
    await setup();
    const { rows } = await xlsx("claims");
    expect(rows.length).toBe(Number((await db("grant_claims").count({ n: "*" }))[0]!.n));
    expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(["Approved", "Rejected", "Waiting for a decision"]));
    const rejected = rows.find((r) => r.Status === "Rejected")!;
    expect(String(rejected.Reason)).toMatch(/partners' staff time/);
    const evil = rows.find((r) => String(r["Spend evidence"]).startsWith("=HYPERLINK"))!;
    expect(typeof evil["Spend evidence"]).toBe("string"); // a text cell, never a formula
    const csv = parseCsv(await monitoringCsv(db, { actor: manager, which: "claims", now: NOW }));
    expect(csv[0]).toContain("Spend evidence");
    expect(csv.some((row) => row.includes(`'=HYPERLINK("http://evil.example","click")`))).toBe(true);
    expect(csv.length - 1).toBe(rows.length);
  });

  it("R-20 only the programme manager exports", async () => {
    await setup();
    const officer = (await findUserById(db, Number((await db("users").where({ role: "applicant" }).first("id")).id)))!;
    await expect(monitoringCsv(db, { actor: officer, which: "claims", now: NOW })).rejects.toBeInstanceOf(PilotForbiddenError);
  });
});

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { insertRound } from "~/data/rounds.server";
import { findUserById } from "~/data/users.server";
import { endOfDayLondon } from "~/domain/calendar";
import { SECTIONS } from "~/domain/eoi/sections";
import { EoiAccessError } from "~/services/eoi.server";
import { eoiExportColumns, eoiExportTable, eoisCsv, eoisXlsx } from "~/services/eoi-export.server";
import { completeAnswers } from "../factories/eoi-answers";
import { makeAuthority, makeUser } from "../factories/users";
import { createTestDb } from "../setup/db";

/** Reads CSV (RFC 4180: quoted cells may hold commas, quotes and line breaks) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell), rows.push(row), (row = []), (cell = ""), (i += 1);
    } else cell += c;
  }
  return rows;
}

const answers = completeAnswers({
  "about-the-bid": {
    region: "London",
    authorityType: "london borough",
    setting: "urban",
    trackRecord: "starting-out",
    hasPartners: "yes",
    partners: [
      { name: "Citizens Advice Camden", sector: "third", kind: "delivery" },
      { name: "Jobcentre Plus", sector: "public", kind: "co-located" },
    ],
    contactName: "Chloe Adeyemi",
    contactRole: "Head of Customer Access",
    contactEmail: "chloe@camden.example.gov.uk",
    contactPhone: "020 7974 4444",
  },
  "toolkit-use": { themes: ["pledge", "frontline"], pledgeScope: "service-area", toolkitUse: "Line one of our answer, with a comma.\nLine two, with \"quotes\"." },
  leadership: { leadership: "=HYPERLINK(\"http://example.com\") is not a formula here" },
  "focus-area": { focusArea: "none", focusAreaReason: "A reason left over from an earlier choice" },
  "supporting-documents": {
    ...completeAnswers()["supporting-documents"],
    costs: [
      { description: "Project officer", category: "staff", amount: "£60,000", fundedBy: "clg" },
      { description: "Regional workshops", category: "events-and-workshops", amount: "12,500.50", fundedBy: "other", otherSource: "London Councils" },
    ],
  },
});

async function world() {
  const db = await createTestDb();
  const roundId = await insertRound(
    db,
    { name: "2009/10", totalFundPence: 90_000_000, pilotCount: 9, maxAwardPence: 10_000_000, eoiOpensAt: "2009-06-15T00:00:00.000Z", eoiClosesAt: endOfDayLondon("2009-07-17").toISOString(), requestsBy: "2009-08-03", detailedDueAt: endOfDayLondon("2009-08-21").toISOString(), startBy: "2009-09-30", endsOn: "2010-03-31" },
    new Date("2009-06-15T09:00:00Z"),
  );
  const manager = (await findUserById(db, (await makeUser(db, { role: "programme_manager" })).id))!;
  const assessor = (await findUserById(db, (await makeUser(db, { role: "assessor" })).id))!;
  const camden = await makeAuthority(db, { name: "London Borough of Camden", region: "London", type: "london borough" });
  const cornwall = await makeAuthority(db, { name: "Cornwall Council", region: "South West", type: "unitary" });
  const officer = await makeUser(db, { authorityId: camden.id });
  const common = { round_id: roundId, created_by: officer.id, created_at: "2009-06-20T09:00:00.000Z", updated_at: "2009-06-20T09:00:00.000Z" };
  await db("eois").insert([
    { ...common, authority_id: camden.id, status: "submitted", reference: "RTP-EOI-7KQ3MX", answers_json: JSON.stringify(answers), submitted_by: officer.id, submitted_at: "2009-07-10T09:05:00.000Z", hard_copy_received_at: "2009-07-13" },
    { ...common, authority_id: cornwall.id, status: "draft", answers_json: JSON.stringify({ leadership: { leadership: "A draft" } }), deadline_extended_to: "2009-07-24T22:59:59.999Z" },
  ]);
  return { db, manager, assessor };
}

describe("R-72 exporting every expression of interest", () => {
  it("has the EOI's facts, then one column per question of each section, in order", () => {
    const headers = eoiExportColumns().map((column) => column.header);
    expect(headers.slice(0, 6)).toEqual(["Reference", "Lead authority", "Region", "Type of authority", "Status", "Submitted at (UK time)"]);
    for (const section of SECTIONS) {
      for (const question of section.questions) {
        if (section.id === "about-the-bid" && (question.name === "region" || question.name === "authorityType")) continue; // the Region and Type columns
        expect(headers.filter((h) => h === `${section.number}. ${section.title}: ${question.label}`), question.name).toHaveLength(1);
      }
    }
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers).toContain("10. Supporting documents: Breakdown of estimated costs");
    expect(headers).toContain("1. About the bid: Partners");
  });

  it("CSV: a row per EOI, add-another rows in one cell, checkboxes joined, hidden answers left out, times in UK time", async () => {
    const { db, manager } = await world();
    const csv = await eoisCsv(db, { actor: manager });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [headers, ...rows] = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(2);
    const camden = Object.fromEntries(headers!.map((h, i) => [h, rows[0]![i]]));
    expect(camden).toMatchObject({
      Reference: "RTP-EOI-7KQ3MX",
      "Lead authority": "London Borough of Camden",
      Region: "London",
      "Type of authority": "London borough",
      Status: "Submitted",
      "Submitted at (UK time)": "2009-07-10 10:05", // BST
      "Hard copy received": "2009-07-13",
      "CLG request (£)": "60000.00",
      "1. About the bid: Partners": "Citizens Advice Camden – Third sector (including not for profit) – Delivery or contractual partnership\nJobcentre Plus – Public sector – Co-located customer service arrangements",
      "2. Using the Toolkit: Which of the review’s main themes will the pilot address?": "The service and remedy pledge; Importance of the frontline",
      "2. Using the Toolkit: What will you apply the service and remedy pledge to?": "A service area",
      "2. Using the Toolkit: How will you use the Practitioners’ Toolkit?": "Line one of our answer, with a comma.\nLine two, with \"quotes\".",
      "9. Focus area: Why is the pilot well placed to focus on this area?": "",
      "10. Supporting documents: Breakdown of estimated costs": "Project officer – Staff – £60,000 – CLG\nRegional workshops – Events and workshops – 12,500.50 – Another source – London Councils",
    });
    // R-72 a cell that a spreadsheet would run as a formula is made text.
    expect(camden["3. Leadership and commitment: How will you show strong leadership and a commitment to improving customer service?"]).toBe("'=HYPERLINK(\"http://example.com\") is not a formula here");
    const cornwall = Object.fromEntries(headers!.map((h, i) => [h, rows[1]![i]]));
    expect(cornwall).toMatchObject({ Reference: "", Status: "Draft", "Submitted at (UK time)": "", "Deadline extended to (UK time)": "2009-07-24 23:59" });
  });

  it("XLSX: the same columns and rows, money and times as numbers and dates", async () => {
    const { db, manager } = await world();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await eoisXlsx(db, { actor: manager, now: new Date("2009-07-20T10:00:00Z") })) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Expressions of interest")!;
    const table = await eoiExportTable(db, { actor: manager });
    expect(sheet.rowCount).toBe(3);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(table.columns.map((c) => c.header));
    const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1);
    expect(cell("Reference").value).toBe("RTP-EOI-7KQ3MX");
    expect(cell("CLG request (£)").value).toBe(60_000);
    expect(cell("CLG request (£)").numFmt).toBe('"£"#,##0.00');
    expect((cell("Submitted at (UK time)").value as Date).toISOString()).toBe("2009-07-10T10:05:00.000Z"); // the UK wall-clock time
    expect(cell("2. Using the Toolkit: How will you use the Practitioners’ Toolkit?").value).toBe("Line one of our answer, with a comma.\nLine two, with \"quotes\".");
    expect(cell("3. Leadership and commitment: How will you show strong leadership and a commitment to improving customer service?").value).toBe("=HYPERLINK(\"http://example.com\") is not a formula here");
  });

  it("R-20 only the programme manager", async () => {
    const { db, assessor } = await world();
    await expect(eoisCsv(db, { actor: assessor })).rejects.toThrow(EoiAccessError);
  });
});

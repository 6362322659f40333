import ExcelJS from "exceljs";
import type { Knex } from "knex";
import { describe, expect, it } from "vitest";
import { CRITERION_KEYS } from "~/domain/sift/criteria";
import { SECTIONS } from "~/domain/eoi/sections";
import { assignByHand } from "~/services/sift-assignments.server";
import { SiftForbiddenError, SiftNotFoundError } from "~/services/sift-errors.server";
import { siftCsv, siftXlsx } from "~/services/sift-exports.server";
import { moderateBid } from "~/services/sift-moderation.server";
import { saveAssessment } from "~/services/sift-scoring.server";
import { saveSelection } from "~/services/sift-selection.server";
import { createTestDb } from "../setup/db";
import { allScores, eoiAnswers, makeStaff, makeSubmittedEoi, scoreForm } from "../factories/eois";

const now = new Date("2009-07-24T09:00:00Z");

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

async function world(db: Knex) {
  const manager = await makeStaff(db, "programme_manager", "Priya Shah");
  const first = await makeStaff(db, "assessor", "Tom Fairley");
  const second = await makeStaff(db, "assessor", "Grace Okafor");
  const moderated = await makeSubmittedEoi(db, { authority: { name: "Leeds City Council", region: "Yorkshire and the Humber" }, answers: eoiAnswers({ name: "Leeds", clgRequest: "£85,000" }) });
  const plain = await makeSubmittedEoi(db, { authority: { name: "Kent County Council", region: "South East", type: "shire county" }, answers: { ...eoiAnswers({ name: "Kent" }), leadership: { leadership: "=HYPERLINK(\"http://evil\")" } } });
  for (const eoi of [moderated, plain]) await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [first.id, second.id], now });
  await saveAssessment(db, { actor: first, eoiId: moderated.id, form: scoreForm(allScores(4), { justification: "Strong, with named leads." }), now });
  await saveAssessment(db, { actor: second, eoiId: moderated.id, form: scoreForm(allScores(1), { justification: "Weak: no plan." }), now });
  await moderateBid(db, { actor: manager, eoiId: moderated.id, form: { scores: Object.fromEntries(CRITERION_KEYS.map((k) => [k, 3])) as Record<(typeof CRITERION_KEYS)[number], 3>, reason: "Agreed at the panel." }, now });
  await saveAssessment(db, { actor: first, eoiId: plain.id, form: scoreForm(allScores(3)), now });
  return { manager, first, roundId: moderated.roundId, moderated, plain };
}

const questionCount = SECTIONS.reduce((n, section) => n + section.questions.filter((q) => !(section.id === "about-the-bid" && (q.name === "region" || q.name === "authorityType"))).length, 0);

describe("R-72 exports", () => {
  it("R-72 the CSV of EOIs with scores has every question in its own column, each assessor's scores and justifications, moderation and the final score", async () => {
    const db = await createTestDb();
    const { manager, roundId, moderated } = await world(db);
    const rows = parseCsv(await siftCsv(db, { actor: manager, roundId, which: "eois-with-scores" }));
    const [header, ...data] = rows;
    expect(data).toHaveLength(2);
    expect(header!.filter((h) => /^\d+\. .+: /.test(h) && !h.startsWith("Assessor") && !h.startsWith("Agreed"))).toHaveLength(questionCount);
    expect(header).toContain("3. Leadership and commitment: How will you show strong leadership and a commitment to improving customer service?");
    const row = Object.fromEntries(header!.map((h, i) => [h, data.find((r) => r[0] === moderated.reference)![i]]));
    expect(row["Assessor 1"]).toBe("Grace Okafor");
    expect(row["Assessor 1: 1. Toolkit use: score"]).toBe("1");
    expect(row["Assessor 1: 1. Toolkit use: justification"]).toBe("Weak: no plan.");
    expect(row["Assessor 2: 8. Value for money and readiness: score"]).toBe("4");
    expect(row["Needs moderation"]).toBe("Moderated");
    expect(row["Agreed: 2. Leadership and commitment"]).toBe("3");
    expect(row["Moderation reason"]).toBe("Agreed at the panel.");
    expect(row["Final score"]).toBe("75");
    expect(row["Final score basis"]).toBe("Moderated");
    expect(row["CLG request"]).toBe("85000.00");
  });

  it("R-72 a cell that would run as a formula in a spreadsheet is defused in the CSV", async () => {
    const db = await createTestDb();
    const { manager, roundId } = await world(db);
    const csv = await siftCsv(db, { actor: manager, roundId, which: "eois-with-scores" });
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it("R-72 the XLSX opens with one column per question and reads back the scores", async () => {
    const db = await createTestDb();
    const { manager, roundId, moderated } = await world(db);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await siftXlsx(db, { actor: manager, roundId, which: "eois-with-scores", now })) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("EOIs with scores")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.filter((h) => /^\d+\. .+: /.test(h) && !h.startsWith("Assessor") && !h.startsWith("Agreed"))).toHaveLength(questionCount);
    expect(new Set(header).size).toBe(header.length);
    const row = [2, 3].map((n) => sheet.getRow(n)).find((r) => r.getCell(1).value === moderated.reference)!;
    expect(row.getCell(header.indexOf("Final score") + 1).value).toBe(75);
    expect(row.getCell(header.indexOf("CLG request") + 1).value).toBe(85000);
  });

  it("R-72 the assignments export lists every assignment with the assessment's progress", async () => {
    const db = await createTestDb();
    const { manager, roundId } = await world(db);
    const rows = parseCsv(await siftCsv(db, { actor: manager, roundId, which: "assignments" }));
    expect(rows[0]).toEqual(["Reference", "Lead authority", "Region", "Assessor", "Assessor email", "How assigned", "Assigned at (UK time)", "Taken off at (UK time)", "Assessment status", "Versions saved", "Weighted total"]);
    expect(rows.slice(1)).toHaveLength(4);
    expect(rows.slice(1).map((r) => r[8]).sort()).toEqual(["complete", "complete", "complete", "not started"]);
    expect(rows[1]![6]).toBe("2009-07-24 10:00"); // BST
  });

  it("R-72 the selection export needs a saved selection and then lists the region's pilots and the requirements", async () => {
    const db = await createTestDb();
    const { manager, roundId } = await world(db);
    await expect(siftCsv(db, { actor: manager, roundId, which: "selection" })).rejects.toBeInstanceOf(SiftNotFoundError);
    await saveSelection(db, { actor: manager, roundId, locks: {}, now });
    const rows = parseCsv(await siftCsv(db, { actor: manager, roundId, which: "selection" }));
    expect(rows).toHaveLength(10);
    expect(rows.find((r) => r[0] === "Yorkshire and the Humber")![2]).toBe("Leeds City Council");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await siftXlsx(db, { actor: manager, roundId, which: "selection", now })) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Pilots by region", "Requirements"]);
  });

  it("R-20 only the programme manager exports", async () => {
    const db = await createTestDb();
    const { first, roundId } = await world(db);
    await expect(siftCsv(db, { actor: first, roundId, which: "assignments" })).rejects.toBeInstanceOf(SiftForbiddenError);
  });
});

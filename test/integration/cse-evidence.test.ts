import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cseCoverage } from "~/domain/monitoring/cse-elements";
import { addCseEvidence, cseCoverageForManager, cseCoverageForOfficer, cseElementForOfficer, removeCseEvidence } from "~/services/cse-evidence.server";
import { PilotForbiddenError, PilotNotFoundError } from "~/services/pilots.server";
import { makeStaff } from "../factories/eois";
import { makePilots } from "../factories/pilots";
import { createTestDb } from "../setup/db";

// R-63 The CSE-focus pilot maps evidence to the 57 elements of the Customer Service Excellence
// standard, with a coverage view; other pilots have no such pages.

const at = new Date("2009-11-16T10:00:00Z");

async function world() {
  const db = await createTestDb();
  const [cse, plain] = await makePilots(db, { pilots: [{ region: "East Midlands", name: "Leicester City Council", focusArea: "cse", officers: 2 }, { region: "London", name: "Camden London Borough Council", focusArea: "total-place" }] });
  return { db, cse: cse!, plain: plain!, manager: cse!.manager };
}

describe("R-63 CSE evidence mapped to the 57 elements", () => {
  it("R-63 coverage counts the elements with evidence per criterion and sub-criterion, for the officers and the manager alike; removal is soft and uncovers the element", async () => {
    const { db, cse, manager } = await world();
    const [officer, colleague] = cse.officers;
    const add = (user: typeof officer, elementId: string, evidence: string, link = "") => addCseEvidence(db, { user: user!, elementId, form: { evidence, link }, now: at });
    for (const [user, id] of [[officer, "1.1.1"], [colleague, "1.1.1"], [officer, "1.1.2"], [colleague, "1.3.5"], [officer, "4.3.2"], [officer, "4.3.6"]] as const) {
      expect(await add(user, id, `Evidence for ${id}`, "https://www.leicester.gov.uk/customer-first")).toEqual({ ok: true });
    }
    const mine = await cseCoverageForOfficer(db, { user: colleague! });
    expect(mine.coverage).toMatchObject({ covered: 5, total: 57 });
    expect(mine.coverage.criteria.map((c) => `${c.covered} of ${c.total}`)).toEqual(["3 of 11", "0 of 11", "0 of 12", "2 of 13", "0 of 10"]);
    expect(mine.coverage.criteria[0]!.subCriteria.map((s) => `${s.id} ${s.covered} of ${s.total}`)).toEqual(["1.1 2 of 3", "1.2 0 of 3", "1.3 1 of 5"]);
    expect(mine.coverage.byElement["1.1.1"]).toBe(2);
    const theirs = await cseCoverageForManager(db, { actor: manager, awardId: cse.awardId });
    expect(theirs.coverage).toEqual(mine.coverage);
    expect(theirs.evidence.map((e) => e.elementId)).toEqual(["1.1.1", "1.1.1", "1.1.2", "1.3.5", "4.3.2", "4.3.6"]);

    const element = await cseElementForOfficer(db, { user: officer!, elementId: "4.3.2" });
    expect(element.element.text).toContain("easy to use complaints procedure");
    expect(await removeCseEvidence(db, { user: colleague!, elementId: "4.3.2", evidenceId: element.evidence[0]!.id, now: at })).toEqual({ ok: true });
    const row = await db("cse_evidence").where({ id: element.evidence[0]!.id }).first();
    expect(row.removed_at).toBe(at.toISOString());
    expect((await cseCoverageForOfficer(db, { user: officer! })).coverage.criteria[3]).toMatchObject({ covered: 1, total: 13 });
    expect(await removeCseEvidence(db, { user: officer!, elementId: "4.3.2", evidenceId: element.evidence[0]!.id, now: at })).toEqual({ ok: false, errors: [["evidence-list", "That evidence has already been removed"]] });
    expect(await db("audit_log").where("action", "like", "cse_evidence.%").count({ n: "*" }).first()).toEqual({ n: 7 });
    // The dashboard's pure function agrees with the pages.
    expect(cseCoverage((await db("cse_evidence").whereNull("removed_at")).map((r) => ({ elementId: r.element_id }))).covered).toBe(4);
  });

  it("R-63 R-73 bad input: no description, a link that is not a web address, an element not in the standard", async () => {
    const { db, cse } = await world();
    const officer = cse.officers[0]!;
    expect(await addCseEvidence(db, { user: officer, elementId: "2.1.1", form: { evidence: "  ", link: "javascript:alert(1)" }, now: at })).toEqual({
      ok: false,
      errors: [
        ["evidence", "Describe the evidence"],
        ["link", "Enter the link as a web address starting with http:// or https://, like https://www.example.gov.uk/customer-charter"],
      ],
    });
    expect(await addCseEvidence(db, { user: officer, elementId: "2.1.1", form: { evidence: "x".repeat(2_001), link: "" }, now: at })).toMatchObject({ ok: false });
    await expect(addCseEvidence(db, { user: officer, elementId: "6.1.1", form: { evidence: "Our charter", link: "" }, now: at })).rejects.toBeInstanceOf(PilotNotFoundError);
    expect(await db("cse_evidence").count({ n: "*" }).first()).toEqual({ n: 0 });
  });

  it("R-20 a pilot without the CSE focus, another authority's officer and an assessor reach none of it; nobody removes another pilot's evidence", async () => {
    const { db, cse, plain, manager } = await world();
    const officer = cse.officers[0]!;
    await addCseEvidence(db, { user: officer, elementId: "3.3.1", form: { evidence: "Channel map", link: "" }, now: at });
    const [item] = await db("cse_evidence");
    const outsider = plain.officers[0]!;
    await expect(cseCoverageForOfficer(db, { user: outsider })).rejects.toBeInstanceOf(PilotNotFoundError);
    await expect(addCseEvidence(db, { user: outsider, elementId: "3.3.1", form: { evidence: "Ours", link: "" }, now: at })).rejects.toBeInstanceOf(PilotNotFoundError);
    await expect(removeCseEvidence(db, { user: outsider, elementId: "3.3.1", evidenceId: item.id, now: at })).rejects.toBeInstanceOf(PilotNotFoundError);
    await expect(cseCoverageForManager(db, { actor: manager, awardId: plain.awardId })).rejects.toBeInstanceOf(PilotNotFoundError);
    const assessor = await makeStaff(db, "assessor");
    await expect(cseCoverageForManager(db, { actor: assessor, awardId: cse.awardId })).rejects.toBeInstanceOf(PilotForbiddenError);
    await expect(cseCoverageForOfficer(db, { user: assessor })).rejects.toBeInstanceOf(PilotForbiddenError);
    await expect(addCseEvidence(db, { user: manager, elementId: "3.3.1", form: { evidence: "Manager's", link: "" }, now: at })).rejects.toBeInstanceOf(PilotForbiddenError);
    // Removal is scoped by the officer's own pilot and the element: a wrong element id finds nothing.
    expect(await removeCseEvidence(db, { user: officer, elementId: "3.3.2", evidenceId: item.id, now: at })).toMatchObject({ ok: false });
    expect((await db("cse_evidence").where({ id: item.id }).first()).removed_at).toBeNull();
  });

  it("R-63 evidence may carry a file, checked by its content; a wrong type is refused with nothing stored", async () => {
    process.env.UPLOAD_DIR = mkdtempSync(join(tmpdir(), "cse-uploads-"));
    const { db, cse, manager } = await world();
    const officer = cse.officers[0]!;
    const pdf = { name: "customer-charter.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n") };
    expect(await addCseEvidence(db, { user: officer, elementId: "5.2.1", form: { evidence: "Our published customer charter", link: "" }, file: pdf, now: at })).toEqual({ ok: true });
    const [item] = (await cseCoverageForManager(db, { actor: manager, awardId: cse.awardId })).evidence;
    expect(item).toMatchObject({ elementId: "5.2.1", fileName: "customer-charter.pdf" });
    expect(await db("uploads").where({ id: item!.uploadId }).first()).toMatchObject({ award_id: cse.awardId, content_type: "application/pdf" });
    const fake = { name: "charter.pdf", bytes: new TextEncoder().encode("MZ this is not a PDF") };
    const refused = await addCseEvidence(db, { user: officer, elementId: "5.2.1", form: { evidence: "Another", link: "" }, file: fake, now: at });
    expect(refused).toMatchObject({ ok: false, errors: [["file", expect.stringContaining("must be a PDF")]] });
    expect(await db("uploads").count({ n: "*" }).first()).toEqual({ n: 1 });
    expect(readdirSync(process.env.UPLOAD_DIR!)).toHaveLength(1);
    expect(existsSync(process.env.UPLOAD_DIR!)).toBe(true);
  });
});

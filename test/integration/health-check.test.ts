import { writeFileSync } from "node:fs";
import type { Knex } from "knex";
import { describe, expect, it } from "vitest";
import { findVisitForAward } from "~/data/health-checks.server";
import { HEALTH_CHECK_PROBES } from "~/domain/monitoring/health-check-probes";
import { agreeHealthCheckReport, healthCheckForManager, healthCheckForOfficer, healthCheckPdf, recordFindings, recordVisitDetails } from "~/services/health-check.server";
import { PilotForbiddenError, PilotNotFoundError } from "~/services/pilots.server";
import { makeStaff } from "../factories/eois";
import { makeAuthority } from "../factories/users";
import { makePilots } from "../factories/pilots";
import { createTestDb } from "../setup/db";
import { pdfPages } from "../setup/pdf";

// R-63 R-11 The customer service health check visit: recorded by the programme manager, agreed
// with the pilot's named officer, then read-only; the agreed report as an A4 PDF and an email.

const BASE = "http://localhost:3931";
const visitDay = new Date("2009-11-12T16:00:00Z");
const agreedDay = new Date("2009-11-16T10:00:00Z");
const TEAM = [
  { name: "Pat Private", organisation: "Northern Rail", sector: "private" },
  { name: "Paula Public", organisation: "Durham County Council", sector: "public" },
  { name: "Terry Third", organisation: "Age Concern Tyneside", sector: "third" },
];
const details = (overrides: Record<string, unknown> = {}) => ({ day: "12", month: "11", year: "2009", team: TEAM, version: "0", ...overrides });
const FINDINGS = {
  "responsive-1": { finding: "A residents' panel of 40 meets monthly and shapes the customer strategy.", rating: "strength" },
  "responsive-5": { finding: "Complaints are logged but not yet analysed for patterns.", rating: "area-to-develop" },
  "accessible-3": { finding: "Face to face, phone and web; no evening opening.", rating: "" },
  "efficient-7": { finding: "", rating: "not-seen" },
};

async function world() {
  const db = await createTestDb();
  const [tyne, leeds] = await makePilots(db, { pilots: [{ region: "North East", name: "Newcastle upon Tyne City Council", officers: 2 }, { region: "Yorkshire and the Humber", name: "Leeds City Council" }] });
  return { db, tyne: tyne!, leeds: leeds!, manager: tyne!.manager };
}

const count = async (db: Knex, table: string, where: Record<string, unknown> = {}) => Number((await db(table).where(where).count({ n: "*" }))[0]!.n);

async function recordAll(db: Knex, manager: Awaited<ReturnType<typeof world>>["manager"], awardId: number) {
  const visit = await recordVisitDetails(db, { actor: manager, awardId, form: details(), now: visitDay });
  expect(visit).toMatchObject({ ok: true });
  const findings = await recordFindings(db, { actor: manager, awardId, form: { findings: FINDINGS, summary: "A strong customer focus, with complaints the main area to develop.", version: "1" }, now: visitDay });
  expect(findings).toMatchObject({ ok: true });
}

describe("R-63 R-11 the health check visit", () => {
  it("R-63 R-11 the manager records the date and a team from the three sectors, the findings per probe and the summary, each in one audited transaction", async () => {
    const { db, tyne, manager } = await world();
    await recordAll(db, manager, tyne.awardId);
    const visit = (await findVisitForAward(db, tyne.awardId))!;
    expect(visit).toMatchObject({ visitDate: "2009-11-12", status: "recorded", version: 2, summary: "A strong customer focus, with complaints the main area to develop." });
    expect(visit.team.map((m) => `${m.name} (${m.sector})`)).toEqual(["Pat Private (private)", "Paula Public (public)", "Terry Third (third)"]);
    expect(visit.findings.map((f) => [f.probeId, f.rating])).toEqual([["responsive-1", "strength"], ["responsive-5", "area-to-develop"], ["accessible-3", null], ["efficient-7", "not-seen"]]);
    expect(await db("audit_log").where("action", "like", "health_check.%").orderBy("id").pluck("action")).toEqual(["health_check.visit_recorded", "health_check.findings_recorded"]);
    // Changing the team replaces it (version 2 → 3).
    const changed = await recordVisitDetails(db, { actor: manager, awardId: tyne.awardId, form: details({ team: TEAM.slice(0, 2), version: "2" }), now: visitDay });
    expect(changed).toMatchObject({ ok: true });
    expect((await findVisitForAward(db, tyne.awardId))!.team).toHaveLength(2);
  });

  it("R-63 agreeing the report records who and when, emails each of the pilot's officers the PDF, and then every change is refused with a clear message", async () => {
    const { db, tyne, manager } = await world();
    await recordAll(db, manager, tyne.awardId);
    const agreed = await agreeHealthCheckReport(db, { actor: manager, awardId: tyne.awardId, form: { agreedWith: tyne.officers[0]!.name, version: "2" }, now: agreedDay, baseUrl: BASE });
    expect(agreed).toMatchObject({ ok: true });
    const visit = (await findVisitForAward(db, tyne.awardId))!;
    expect(visit).toMatchObject({ status: "agreed", agreedWith: tyne.officers[0]!.name, agreedBy: manager.id, agreedAt: agreedDay.toISOString() });
    const emails = await db("email_outbox").where({ template: "health-check-agreed" }).orderBy("id");
    expect(emails.map((e) => e.to_address)).toEqual(tyne.officers.map((o) => o.email));
    expect(emails[0].subject).toBe("Your customer service health check report is agreed: Newcastle upon Tyne City Council");
    expect(emails[0].text_body).toContain(`${BASE}/applicant/pilot/health-check`);
    expect(JSON.parse(emails[0].attachments_json)[0]).toMatchObject({ contentType: "application/pdf" });
    expect(await count(db, "audit_log", { action: "health_check.report_agreed" })).toBe(1);

    const before = JSON.stringify(await findVisitForAward(db, tyne.awardId));
    const message = `The report of this visit was agreed with ${tyne.officers[0]!.name} on 16 November 2009. An agreed report cannot be changed.`;
    expect(await recordVisitDetails(db, { actor: manager, awardId: tyne.awardId, form: details({ version: "3" }), now: agreedDay })).toEqual({ ok: false, status: 409, errors: [["visitDate", message]] });
    expect(await recordFindings(db, { actor: manager, awardId: tyne.awardId, form: { findings: {}, summary: "Changed", version: "3" }, now: agreedDay })).toEqual({ ok: false, status: 409, errors: [["summary", message]] });
    expect(await agreeHealthCheckReport(db, { actor: manager, awardId: tyne.awardId, form: { agreedWith: "Someone Else", version: "3" }, now: agreedDay, baseUrl: BASE })).toEqual({ ok: false, status: 409, errors: [["agreedWith", message]] });
    expect(JSON.stringify(await findVisitForAward(db, tyne.awardId))).toBe(before);
    expect(await count(db, "email_outbox", { template: "health-check-agreed" })).toBe(2);
  });

  it("R-63 the report cannot be agreed before the visit, nor without findings and a summary", async () => {
    const { db, tyne, manager } = await world();
    await recordVisitDetails(db, { actor: manager, awardId: tyne.awardId, form: details({ day: "20" }), now: visitDay });
    const early = await agreeHealthCheckReport(db, { actor: manager, awardId: tyne.awardId, form: { agreedWith: "Olive", version: "1" }, now: agreedDay, baseUrl: BASE });
    expect(early).toEqual({
      ok: false,
      status: 400,
      errors: [
        ["agreedWith", "The report can be agreed only after the visit, on or after 20 November 2009"],
        ["findings", "Record the team's findings before agreeing the report"],
        ["summary", "Write the report's summary before agreeing the report"],
      ],
    });
    expect((await findVisitForAward(db, tyne.awardId))!.status).toBe("recorded");
  });

  it("R-63 R-73 bad input: a date outside the programme, no team member, a sector not in the list — a clear error and nothing saved", async () => {
    const { db, tyne, manager } = await world();
    const audits = await count(db, "audit_log");
    const outside = await recordVisitDetails(db, { actor: manager, awardId: tyne.awardId, form: details({ day: "1", month: "4", year: "2010" }), now: visitDay });
    expect(outside).toEqual({ ok: false, status: 400, errors: [["visitDate", "The date of the visit must be during the pilot, between 1 September 2009 and 31 March 2010"]] });
    const noTeam = await recordVisitDetails(db, { actor: manager, awardId: tyne.awardId, form: details({ team: [{ name: "", organisation: "", sector: "" }] }), now: visitDay });
    expect(noTeam).toEqual({ ok: false, status: 400, errors: [["team", "Add at least one member of the visiting team"]] });
    const badSector = await recordVisitDetails(db, { actor: manager, awardId: tyne.awardId, form: details({ team: [{ name: "Gina Gov", organisation: "Cabinet Office", sector: "government" }] }), now: visitDay });
    expect(badSector).toEqual({ ok: false, status: 400, errors: [["team-0-sector", "Select the sector of team member 1's organisation: private, public or third sector"]] });
    expect(await findVisitForAward(db, tyne.awardId)).toBeNull();
    expect(await count(db, "audit_log")).toBe(audits);
    await recordAll(db, manager, tyne.awardId);
    const badRating = await recordFindings(db, { actor: manager, awardId: tyne.awardId, form: { findings: { "responsive-2": { finding: "Some", rating: "excellent" } }, summary: "", version: "2" }, now: visitDay });
    expect(badRating).toMatchObject({ ok: false, status: 400 });
    expect((await findVisitForAward(db, tyne.awardId))!.findings).toHaveLength(4);
  });

  it("R-63 optimistic concurrency: a save from a stale page changes nothing, says so, and hands back the current version", async () => {
    const { db, tyne, manager } = await world();
    const colleague = await makeStaff(db, "programme_manager", "Second Manager");
    await recordAll(db, manager, tyne.awardId);
    expect(await recordFindings(db, { actor: colleague, awardId: tyne.awardId, form: { findings: { "responsive-2": { finding: "Colleague's", rating: "" } }, summary: "Colleague's summary", version: "2" }, now: visitDay })).toMatchObject({ ok: true });
    const stale = await recordFindings(db, { actor: manager, awardId: tyne.awardId, form: { findings: {}, summary: "Mine", version: "2" }, now: visitDay });
    expect(stale).toMatchObject({ ok: false, status: 409, version: 3 });
    expect((await findVisitForAward(db, tyne.awardId))!.summary).toBe("Colleague's summary");
    const again = await recordVisitDetails(db, { actor: manager, awardId: tyne.awardId, form: details({ version: "0" }), now: visitDay });
    expect(again).toMatchObject({ ok: false, status: 409, version: 3 });
  });

  it("R-20 officers only read their own pilot's visit; another authority's officer and an assessor reach nothing; the officers' PDF waits for agreement", async () => {
    const { db, tyne, leeds, manager } = await world();
    await recordAll(db, manager, tyne.awardId);
    const officer = tyne.officers[1]!;
    expect((await healthCheckForOfficer(db, { user: officer })).visit?.findings).toHaveLength(4);
    expect((await healthCheckForOfficer(db, { user: leeds.officers[0]! })).visit).toBeNull();
    await expect(healthCheckPdf(db, { user: officer })).rejects.toBeInstanceOf(PilotNotFoundError);
    await expect(recordVisitDetails(db, { actor: officer, awardId: tyne.awardId, form: details({ version: "2" }), now: visitDay })).rejects.toBeInstanceOf(PilotForbiddenError);
    await expect(recordFindings(db, { actor: officer, awardId: tyne.awardId, form: { findings: {}, summary: "x", version: "2" }, now: visitDay })).rejects.toBeInstanceOf(PilotForbiddenError);
    await expect(agreeHealthCheckReport(db, { actor: officer, awardId: tyne.awardId, form: { agreedWith: officer.name, version: "2" }, now: agreedDay, baseUrl: BASE })).rejects.toBeInstanceOf(PilotForbiddenError);
    const assessor = await makeStaff(db, "assessor");
    await expect(healthCheckForManager(db, { actor: assessor, awardId: tyne.awardId })).rejects.toBeInstanceOf(PilotForbiddenError);
    await expect(healthCheckForOfficer(db, { user: assessor })).rejects.toBeInstanceOf(PilotForbiddenError);
    const outsider = await makeStaff(db, "applicant", "Olly Outsider", (await makeAuthority(db, { name: "Camden London Borough Council", region: "London", type: "london borough" })).id);
    await expect(healthCheckForOfficer(db, { user: outsider })).rejects.toBeInstanceOf(PilotNotFoundError);
    await expect(healthCheckPdf(db, { user: outsider })).rejects.toBeInstanceOf(PilotNotFoundError);
    expect((await findVisitForAward(db, tyne.awardId))!.version).toBe(2);
    await agreeHealthCheckReport(db, { actor: manager, awardId: tyne.awardId, form: { agreedWith: tyne.officers[0]!.name, version: "2" }, now: agreedDay, baseUrl: BASE });
    expect((await healthCheckPdf(db, { user: officer })).filename).toMatch(/-health-check\.pdf$/);
    await expect(healthCheckPdf(db, { user: leeds.officers[0]! })).rejects.toBeInstanceOf(PilotNotFoundError);
  });

  it("R-63 the agreed report is an A4 PDF: pilot, authority, grant, date, team with sectors, findings by probe group, summary and agreement", async () => {
    const { db, tyne, manager } = await world();
    await recordAll(db, manager, tyne.awardId);
    const draft = await healthCheckPdf(db, { user: manager, awardId: tyne.awardId });
    expect(draft.filename).toMatch(/-health-check-draft\.pdf$/);
    expect(pdfPages(draft.pdf).map((p) => p.text).join("\n")).toContain("DRAFT – this report has not yet been agreed with the pilot");
    await agreeHealthCheckReport(db, { actor: manager, awardId: tyne.awardId, form: { agreedWith: tyne.officers[0]!.name, version: "2" }, now: agreedDay, baseUrl: BASE });
    const { pdf } = await healthCheckPdf(db, { user: tyne.officers[0]! });
    writeFileSync("/tmp/h-health/health-check-report.pdf", pdf);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page.mediaBox).toBe("0 0 595.28 841.89");
    const text = pages.map((p) => p.text).join("\n").replace(/\s+/g, " ");
    const { pilot } = await healthCheckForManager(db, { actor: manager, awardId: tyne.awardId });
    for (const expected of [
      "Customer service health check visit",
      "Newcastle upon Tyne City Council – North East pilot",
      pilot.letter.grantId,
      "12 November 2009",
      "Pat Private",
      "Northern Rail (Private sector)",
      "Age Concern Tyneside (Third sector (including not for profit))",
      "Responsive services",
      "Accessible services",
      "Efficient and effective services",
      "Rating: Strength",
      "Rating: Area to develop",
      "Complaints are logged but not yet analysed for patterns.",
      "A strong customer focus, with complaints the main area to develop.",
      `This report was agreed with ${tyne.officers[0]!.name}, for Newcastle upon Tyne City Council, on 16 November 2009.`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("DRAFT");
    // Every probe of the checklist is in the report, in order.
    let from = 0;
    for (const probe of HEALTH_CHECK_PROBES) {
      const at = text.indexOf(probe.text.slice(0, 40), from);
      expect(at, probe.id).toBeGreaterThan(0);
      from = at;
    }
  });
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findAwardForApplication } from "~/data/awards.server";
import { renderOfferLetterPdf } from "~/services/award-pdf.server";
import { ApplicationNotFoundError } from "~/services/application.server";
import { acceptOffer, applicantAward, approveApplication } from "~/services/award.server";
import { confirmShortlistFor, makeApplication, makeRound, makeShortlistedBid } from "../factories/applications";
import { makeStaff } from "../factories/eois";
import { createTestDb } from "../setup/db";

const offeredAt = new Date("2009-09-02T10:00:00Z");
const acceptedAt = new Date("2009-09-04T11:00:00Z");
const BASE = "http://localhost:3000";
const form = { officerName: "Chris Lee", officerRole: "Chief Executive", day: "4", month: "9", year: "2009", declaration: true };

async function offerWorld() {
  const db = await createTestDb();
  const round = await makeRound(db);
  const manager = await makeStaff(db, "programme_manager");
  const newcastle = await makeShortlistedBid(db, { roundId: round.id, region: "North East", name: "Newcastle upon Tyne City Council", officers: 2 });
  const leeds = await makeShortlistedBid(db, { roundId: round.id, region: "Yorkshire and the Humber", name: "Leeds City Council" });
  await confirmShortlistFor(db, { roundId: round.id, bids: [newcastle, leeds], managerId: manager.id });
  const application = await makeApplication(db, { round, bid: newcastle, status: "submitted" });
  await makeApplication(db, { round, bid: leeds, status: "submitted" });
  const { awardId } = await approveApplication(db, { actor: manager, applicationId: application.id, baseUrl: BASE, now: offeredAt });
  return { db, application, awardId, officer: newcastle.officers[0]!, second: newcastle.officers[1]!, leedsOfficer: leeds.officers[0]! };
}

/** The PDF's text, by poppler's pdftotext (installed with the e2e tooling); null when it is missing. */
function pdfText(pdf: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), "offer-"));
  try {
    writeFileSync(join(dir, "offer.pdf"), pdf);
    return execFileSync("pdftotext", ["-layout", join(dir, "offer.pdf"), "-"]).toString();
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("R-53 the grant offer and its acceptance", () => {
  it("R-53 the offer letter is A4 and shows the amount, the conditions, outputs A–F with the pilot's plan, and the reporting timetable", async () => {
    const { db, officer } = await offerWorld();
    const { letter } = await applicantAward(db, officer);
    const pdf = await renderOfferLetterPdf(letter);
    expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
    const text = pdfText(pdf);
    if (text === null) return console.warn("pdftotext is not installed: the letter's text was not read");
    const flat = text.replace(/\s+/g, " ");
    for (const expected of ["Grant offer letter", "Newcastle upon Tyne City Council – North East pilot", "Grant offered £60,000", "Conditions of grant", "Outputs A to F", "A. Report on using the Toolkit", "F. Data for longer-term evaluation", "Our plan for output C", "Reporting timetable", "15 January 2010 Progress report for Q3 2009/10", "16 April 2010 Final report for Q4 2009/10"]) {
      expect(flat).toContain(expected);
    }
  });

  it("R-53 R-11 a named officer accepts: the pilot starts and the health check visit is offered by email, audited", async () => {
    const { db, application, officer } = await offerWorld();
    expect(await acceptOffer(db, { user: officer, form, baseUrl: BASE, now: acceptedAt })).toEqual({ ok: true });
    expect(await findAwardForApplication(db, application.id)).toMatchObject({ status: "accepted", acceptingOfficerName: "Chris Lee", acceptingOfficerRole: "Chief Executive", acceptanceDate: "2009-09-04", acceptedBy: officer.id, pilotStartedAt: acceptedAt.toISOString(), healthCheckOfferedAt: acceptedAt.toISOString() });
    const email = await db("email_outbox").where({ template: "grant-offer-accepted" }).first();
    expect(email.subject).toBe("Grant offer accepted – your pilot has started: Newcastle upon Tyne City Council");
    expect(email.text_body).toContain("free customer service health check visit");
    expect(await db("audit_log").where({ action: "award.accepted" }).count({ n: "*" })).toEqual([{ n: 1 }]);
    const { letter } = await applicantAward(db, officer);
    expect(letter.acceptance).toEqual({ officerName: "Chris Lee", officerRole: "Chief Executive", date: "2009-09-04" });
  });

  it("R-53 R-73 accepting twice is refused with who accepted, and changes nothing", async () => {
    const { db, application, officer, second } = await offerWorld();
    await acceptOffer(db, { user: officer, form, baseUrl: BASE, now: acceptedAt });
    const before = await findAwardForApplication(db, application.id);
    expect(await acceptOffer(db, { user: second, form: { ...form, officerName: "Someone Else" }, baseUrl: BASE, now: acceptedAt })).toEqual({ ok: false, errors: [["declaration", "This offer was already accepted on 4 September 2009 by Chris Lee"]] });
    expect(await findAwardForApplication(db, application.id)).toEqual(before);
    expect(await db("email_outbox").where({ template: "grant-offer-accepted" }).count({ n: "*" })).toEqual([{ n: 1 }]);
  });

  it("R-20 R-53 R-73 a user of another authority cannot see or accept the offer", async () => {
    const { db, application, leedsOfficer } = await offerWorld();
    await expect(acceptOffer(db, { user: leedsOfficer, form, baseUrl: BASE, now: acceptedAt })).rejects.toBeInstanceOf(ApplicationNotFoundError);
    await expect(applicantAward(db, leedsOfficer)).rejects.toBeInstanceOf(ApplicationNotFoundError);
    const stranger = await makeStaff(db, "applicant");
    await expect(acceptOffer(db, { user: stranger, form, baseUrl: BASE, now: acceptedAt })).rejects.toBeInstanceOf(ApplicationNotFoundError);
    expect((await findAwardForApplication(db, application.id))!.status).toBe("offered");
  });

  it("R-53 R-73 the acceptance needs a name, a job title, a real date not in the future nor before the offer, and the declaration", async () => {
    const { db, application, officer } = await offerWorld();
    const result = await acceptOffer(db, { user: officer, form: { officerName: "", officerRole: "", day: "5", month: "9", year: "2009", declaration: false }, baseUrl: BASE, now: acceptedAt });
    expect(result).toEqual({
      ok: false,
      errors: [
        ["officerName", "Enter the name of the officer accepting the offer"],
        ["officerRole", "Enter the officer’s job title"],
        ["acceptanceDate", "The date of acceptance must be today or in the past"],
        ["declaration", "Confirm the declaration to accept the offer"],
      ],
    });
    expect((await findAwardForApplication(db, application.id))!.status).toBe("offered");
  });
});

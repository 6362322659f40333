import type { Knex } from "knex";
import { describe, expect, it } from "vitest";
import { invitedEoiForAuthority, listApplicationVersions } from "~/data/applications.server";
import { findUserById } from "~/data/users.server";
import { isoToTypedDate } from "~/domain/application/form";
import { applicationProgramme } from "~/domain/application/programme";
import { APPLICATION_SECTION_IDS } from "~/domain/application/sections";
import { REGIONS } from "~/domain/programme";
import { handleApplicationPagePost } from "~/services/application-pages.server";
import {
  applicantApplicationContext,
  applicationConflictView,
  ApplicationNotFoundError,
  resolveApplicationConflict,
  saveApplicationPage,
  startApplication,
  submitApplication,
  withdrawApplication,
} from "~/services/application.server";
import { decideWithoutAward } from "~/services/application-review.server";
import { assignByHand } from "~/services/sift-assignments.server";
import { confirmShortlist, saveSelection } from "~/services/sift-selection.server";
import { saveAssessment } from "~/services/sift-scoring.server";
import { allApplicationSectionsComplete, completeApplicationAnswers, confirmShortlistFor, makeRound, makeShortlistedBid } from "../factories/applications";
import { allScores, eoiAnswers, makeStaff, makeSubmittedEoi, scoreForm } from "../factories/eois";
import { createTestDb } from "../setup/db";

const beforeDue = new Date("2009-08-10T09:00:00Z");
const afterDue = new Date("2009-08-21T23:00:00Z"); // midnight at the start of 22 August in London
const BASE = "http://localhost:3000";

const formOf = (entries: Array<[string, string]>) => {
  const params = new URLSearchParams(entries);
  return { get: (n: string) => params.get(n), getAll: (n: string) => params.getAll(n) };
};

async function invitedWorld() {
  const db = await createTestDb();
  const round = await makeRound(db);
  const newcastle = await makeShortlistedBid(db, { roundId: round.id, region: "North East", name: "Newcastle upon Tyne City Council", officers: 2 });
  const leeds = await makeShortlistedBid(db, { roundId: round.id, region: "Yorkshire and the Humber", name: "Leeds City Council" });
  const notInvited = await makeShortlistedBid(db, { roundId: round.id, region: "North East", name: "Sunderland City Council" });
  const manager = await makeStaff(db, "programme_manager", "Priya Shah");
  await confirmShortlistFor(db, { roundId: round.id, bids: [newcastle, leeds], managerId: manager.id });
  const programme = applicationProgramme(round);
  return { db, round, programme, newcastle, leeds, notInvited, manager, helen: newcastle.officers[0]!, dev: newcastle.officers[1]! };
}

/** Puts complete answers into the application (as if typed), every section marked complete. */
async function fillApplication(db: Knex, applicationId: number, answers: object) {
  await db("applications").where({ id: applicationId }).update({ answers_json: JSON.stringify(answers), completed_json: JSON.stringify(allApplicationSectionsComplete()) });
}

describe("R-50 who is invited: the one function that reads stage 2's shortlist", () => {
  it("R-50 R-44 an authority is invited exactly when stage 2's confirmShortlist picked its EOI", async () => {
    const db = await createTestDb();
    const manager = await makeStaff(db, "programme_manager");
    const [a, b] = [await makeStaff(db, "assessor"), await makeStaff(db, "assessor")];
    const now = new Date("2009-07-28T09:00:00Z");
    const bids = [];
    for (const [index, region] of REGIONS.entries()) {
      for (const rank of [0, 1]) {
        const eoi = await makeSubmittedEoi(db, {
          authority: { name: `${region} Council ${rank + 1}`, region, type: index % 2 ? "unitary" : "shire county", setting: index % 2 ? "rural" : "urban" },
          answers: eoiAnswers({ themes: ["pledge", "frontline", "partnerships"], trackRecord: index % 2 ? "starting-out" : "established", focusArea: index === 1 ? "redundancy" : index === 3 ? "cse" : index === 5 ? "total-place" : "none", clgRequest: "£90,000" }),
        });
        await assignByHand(db, { actor: manager, eoiId: eoi.id, assessorIds: [a.id, b.id], now });
        for (const assessor of [a, b]) await saveAssessment(db, { actor: assessor, eoiId: eoi.id, form: scoreForm(allScores(rank === 0 ? 3 : 2)), now });
        bids.push({ ...eoi, rank });
      }
    }
    const selectionId = await saveSelection(db, { actor: manager, roundId: bids[0]!.roundId, locks: {}, now });
    await confirmShortlist(db, { actor: manager, selectionId, baseUrl: BASE, now });
    for (const bid of bids) {
      const invitation = await invitedEoiForAuthority(db, bid.roundId, bid.authorityId);
      if (bid.rank === 0) expect(invitation).toMatchObject({ eoiId: bid.id, eoiReference: bid.reference, authorityId: bid.authorityId, selectionId });
      else expect(invitation).toBeNull();
    }
  });

  it("R-50 before a shortlist is confirmed nobody is invited", async () => {
    const db = await createTestDb();
    const round = await makeRound(db);
    const bid = await makeShortlistedBid(db, { roundId: round.id });
    expect(await invitedEoiForAuthority(db, round.id, bid.authority.id)).toBeNull();
  });
});

describe("R-50 R-51 the detailed application", () => {
  it("R-50 R-20 only the invited authority's officers can start one; others are told there is nothing (404)", async () => {
    const { db, notInvited, helen, dev } = await invitedWorld();
    await expect(startApplication(db, { user: notInvited.officers[0]!, now: beforeDue })).rejects.toBeInstanceOf(ApplicationNotFoundError);
    const first = await startApplication(db, { user: helen, now: beforeDue });
    const second = await startApplication(db, { user: dev, now: beforeDue });
    expect(second.id).toBe(first.id);
    expect(await db("audit_log").where({ action: "application.started" }).count({ n: "*" })).toEqual([{ n: 1 }]);
    const manager = await makeStaff(db, "programme_manager");
    await expect(applicantApplicationContext(db, manager)).rejects.toBeInstanceOf(ApplicationNotFoundError);
  });

  it("R-20 an officer only ever reaches their own authority's application", async () => {
    const { db, helen, leeds } = await invitedWorld();
    await startApplication(db, { user: helen, now: beforeDue });
    expect((await applicantApplicationContext(db, leeds.officers[0]!)).application).toBeNull();
  });

  it("R-51 a new application starts with the EOI's partners and cost lines", async () => {
    const { db, helen } = await invitedWorld();
    const application = await startApplication(db, { user: helen, now: beforeDue });
    expect(application.answers.partners).toEqual({ hasPartners: "yes", partners: [{ name: "Citizens Advice" }] });
    expect(application.answers.budget).toEqual({
      lines: [
        { description: "Project officer", category: "staff", fundedBy: "clg", total: "£60,000" },
        { description: "Regional workshops", category: "events-and-workshops", fundedBy: "other", otherSource: "The council", total: "£10,000" },
      ],
    });
  });

  it("R-51 R-34 saving a page keeps what was typed even when it is invalid, and reports the errors", async () => {
    const { db, helen } = await invitedWorld();
    await startApplication(db, { user: helen, now: beforeDue });
    const form = formOf([["sectionVersion", "0"], ["startDate-day", "1"], ["startDate-month", "10"], ["startDate-year", "2009"], ["deliverySummary", "Half a plan"]]);
    const outcome = await handleApplicationPagePost(db, { user: helen, sectionId: "delivery-plan", page: "1", form, now: beforeDue });
    expect(outcome).toMatchObject({ kind: "invalid", errors: [{ text: "The pilot must begin by 30 September 2009", href: "#startDate-day" }], sectionVersion: 1 });
    expect((await applicantApplicationContext(db, helen)).application!.answers["delivery-plan"]).toEqual({ startDate: { day: "1", month: "10", year: "2009" }, deliverySummary: "Half a plan" });
  });

  it("R-51 R-73 a budget whose lines do not add up, or over £100,000 from CLG, is refused with what is wrong, and kept", async () => {
    const { db, helen } = await invitedWorld();
    await startApplication(db, { user: helen, now: beforeDue });
    const lines: Array<[string, string]> = [
      ["sectionVersion", "0"],
      ["lines-rows", "2"],
      ["lines-0-description", "Officer"], ["lines-0-category", "staff"], ["lines-0-fundedBy", "clg"], ["lines-0-total", "£90,000"], ["lines-0-q3-2009-10", "£40,000"], ["lines-0-q4-2009-10", "£40,000"],
      ["lines-1-description", "Events"], ["lines-1-category", "events-and-workshops"], ["lines-1-fundedBy", "clg"], ["lines-1-total", "£20,000"], ["lines-1-q3-2009-10", "£20,000"],
    ];
    const outcome = await handleApplicationPagePost(db, { user: helen, sectionId: "budget", page: "1", form: formOf(lines), now: beforeDue });
    expect(outcome.kind === "invalid" && outcome.errors).toEqual([
      { text: "The amount requested from CLG must be £100,000 or less – the budget lines funded by CLG add up to £110,000", href: "#lines" },
      { text: "The amounts by quarter for budget line 1 add up to £80,000, not its total of £90,000", href: "#lines-0-q3-2009-10" },
    ]);
    expect(((await applicantApplicationContext(db, helen)).application!.answers.budget!.lines as unknown[]).length).toBe(2);
  });

  it("R-51 R-30 a stale save of the same field never overwrites: both versions are kept and the officer chooses", async () => {
    const { db, helen, dev } = await invitedWorld();
    await startApplication(db, { user: helen, now: beforeDue });
    expect((await saveApplicationPage(db, { user: dev, sectionId: "evaluation", pageIndex: 0, answers: { approach: "Dev's words" }, baseVersion: 0, now: beforeDue })).kind).toBe("saved");
    const stale = await saveApplicationPage(db, { user: helen, sectionId: "evaluation", pageIndex: 0, answers: { approach: "Helen's words" }, baseVersion: 0, now: beforeDue });
    expect(stale.kind).toBe("conflict");
    const saveId = stale.kind === "conflict" ? stale.saveId : 0;
    expect(await applicationConflictView(db, { user: helen, saveId })).toMatchObject({ fields: ["approach"], mine: { approach: "Helen's words" }, theirs: { approach: "Dev's words" } });
    expect(await applicationConflictView(db, { user: dev, saveId })).toBeNull();
    await resolveApplicationConflict(db, { user: helen, saveId, keep: "mine", now: beforeDue });
    expect((await applicantApplicationContext(db, helen)).application!.answers.evaluation).toEqual({ approach: "Helen's words" });
    expect((await db("application_section_saves").where({ section_id: "evaluation" }).orderBy("id").select("outcome")).map((r) => r.outcome)).toEqual(["saved", "resolved-mine", "resolved"]);
  });

  it("R-50 R-51 submitting: every section complete, by the due date (server clock), with a confirmation email", async () => {
    const { db, programme, helen } = await invitedWorld();
    const application = await startApplication(db, { user: helen, now: beforeDue });
    const incomplete = await submitApplication(db, { user: helen, now: beforeDue, baseUrl: BASE });
    expect(incomplete.ok === false && incomplete.errors.map((e) => e.text)).toEqual(APPLICATION_SECTION_IDS.map((_, i) => expect.stringMatching(new RegExp(`^Complete section ${i + 1}: `))));
    await fillApplication(db, application.id, completeApplicationAnswers(programme));
    const late = await submitApplication(db, { user: helen, now: afterDue, baseUrl: BASE });
    expect(late).toEqual({ ok: false, errors: [{ text: "You can no longer submit – detailed applications were due by 11:59pm on 21 August 2009", href: "#" }] });
    expect(await submitApplication(db, { user: helen, now: beforeDue, baseUrl: BASE })).toEqual({ ok: true, versionNumber: 1 });
    const versions = await listApplicationVersions(db, application.id);
    expect(versions.map((v) => [v.number, v.clgRequestPence, v.totalCostPence])).toEqual([[1, 6_000_000, 7_000_000]]);
    const email = await db("email_outbox").where({ template: "application-submitted" }).first();
    expect(email).toMatchObject({ to_address: helen.email, cc: "sam.example@example.gov.uk", subject: "Detailed application received: Newcastle upon Tyne City Council" });
    expect(await db("audit_log").where({ action: "application.submitted" }).count({ n: "*" })).toEqual([{ n: 1 }]);
    // R-52 a submitted application is read-only.
    expect((await saveApplicationPage(db, { user: helen, sectionId: "evaluation", pageIndex: 0, answers: { approach: "Late edit" }, baseVersion: 1, now: beforeDue })).kind).toBe("read-only");
  });

  it("R-52 after changes are requested the authority edits and resubmits as version 2; version 1 is kept", async () => {
    const { db, programme, helen, dev, manager } = await invitedWorld();
    const application = await startApplication(db, { user: helen, now: beforeDue });
    await fillApplication(db, application.id, completeApplicationAnswers(programme));
    await submitApplication(db, { user: helen, now: beforeDue, baseUrl: BASE });
    await decideWithoutAward(db, { actor: manager, applicationId: application.id, decision: "request-changes", comments: "Add a milestone for the regional event.", baseUrl: BASE, now: beforeDue });
    const fresh = (await applicantApplicationContext(db, dev)).application!;
    expect(fresh.status).toBe("changes-requested");
    const milestones = [...(fresh.answers["delivery-plan"]!.milestones as object[]), { description: "Regional event held", date: isoToTypedDate("2009-11-20") }];
    expect((await saveApplicationPage(db, { user: dev, sectionId: "delivery-plan", pageIndex: 1, answers: { milestones }, baseVersion: fresh.sectionVersions["delivery-plan"] ?? 0, now: afterDue })).kind).toBe("saved");
    expect(await submitApplication(db, { user: dev, now: afterDue, baseUrl: BASE })).toEqual({ ok: true, versionNumber: 2 });
    const versions = await listApplicationVersions(db, application.id);
    expect(versions.map((v) => [v.number, (v.answers["delivery-plan"]!.milestones as unknown[]).length])).toEqual([[1, 2], [2, 3]]);
    await expect(db("application_versions").where({ number: 1 }).update({ answers_json: "{}" })).rejects.toThrow(/append-only/);
  });

  it("R-52 the authority may withdraw before a decision, with a reason, audited", async () => {
    const { db, helen } = await invitedWorld();
    await startApplication(db, { user: helen, now: beforeDue });
    expect(await withdrawApplication(db, { user: helen, reason: "The cabinet decided not to proceed.", now: beforeDue })).toEqual({ ok: true });
    expect((await applicantApplicationContext(db, helen)).application!.status).toBe("withdrawn");
    expect(await withdrawApplication(db, { user: helen, reason: "Again", now: beforeDue })).toEqual({ ok: false, error: "This detailed application has been withdrawn, so it cannot be withdrawn" });
  });

  it("R-34 a page POST held after the session expired completes through the same save", async () => {
    const { db, helen } = await invitedWorld();
    await startApplication(db, { user: helen, now: beforeDue });
    const { holdForm, takeHeldForm } = await import("~/services/held-forms.server");
    const form = new FormData();
    form.set("sectionVersion", "0");
    form.set("approach", "Typed before the session expired");
    const token = await holdForm(db, { userId: helen.id, path: "/applicant/application/evaluation/1", form, now: beforeDue });
    const held = (await takeHeldForm(db, { token, userId: helen.id, now: beforeDue }))!;
    await handleApplicationPagePost(db, { user: (await findUserById(db, helen.id))!, sectionId: "evaluation", page: "1", form: held.form, now: beforeDue });
    expect((await applicantApplicationContext(db, helen)).application!.answers.evaluation).toEqual({ approach: "Typed before the session expired" });
  });
});

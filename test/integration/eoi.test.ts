import { describe, expect, it } from "vitest";
import { insertRound } from "~/data/rounds.server";
import { findUserById, type User } from "~/data/users.server";
import { endOfDayLondon } from "~/domain/calendar";
import { SECTION_IDS } from "~/domain/eoi/sections";
import { seededRandom } from "~/domain/reference";
import { handlePagePost } from "~/services/eoi-pages.server";
import { applicantContext, conflictView, extendDeadline, resolveConflict, saveSectionPage, startEoi, submitEoi, withdrawEoi } from "~/services/eoi.server";
import { holdForm, takeHeldForm } from "~/services/held-forms.server";
import { createTestDb } from "../setup/db";
import { completeAnswers, words } from "../factories/eoi-answers";
import { makeAuthority, makeUser } from "../factories/users";
import type { Knex } from "knex";

const open = new Date("2009-07-10T09:00:00Z");
const afterDeadline = new Date("2009-07-17T23:00:00Z"); // 00:00 on 18 July in London (BST)

async function world() {
  const db = await createTestDb();
  await insertRound(
    db,
    { name: "2009/10", totalFundPence: 90_000_000, pilotCount: 9, maxAwardPence: 10_000_000, eoiOpensAt: "2009-06-15T00:00:00.000Z", eoiClosesAt: endOfDayLondon("2009-07-17").toISOString(), requestsBy: "2009-08-03", detailedDueAt: endOfDayLondon("2009-08-21").toISOString(), startBy: "2009-09-30", endsOn: "2010-03-31" },
    open,
  );
  const authority = await makeAuthority(db, { name: "Newcastle upon Tyne City Council", region: "North East", type: "metropolitan district" });
  const other = await makeAuthority(db, { name: "Leeds City Council", region: "Yorkshire and the Humber" });
  const asUser = async (id: number) => (await findUserById(db, id))!;
  const helen = await asUser((await makeUser(db, { email: "helen@newcastle.example.gov.uk", authorityId: authority.id })).id);
  const dev = await asUser((await makeUser(db, { email: "dev@newcastle.example.gov.uk", authorityId: authority.id })).id);
  const sarah = await asUser((await makeUser(db, { email: "sarah@leeds.example.gov.uk", authorityId: other.id })).id);
  const manager = await asUser((await makeUser(db, { role: "programme_manager" })).id);
  return { db, authority, helen, dev, sarah, manager };
}

async function fillEverything(db: Knex, user: User) {
  const answers = completeAnswers();
  for (const sectionId of SECTION_IDS) {
    const eoi = (await applicantContext(db, user)).eoi!;
    await saveSectionPage(db, { user, sectionId, pageIndex: -1, answers: {}, baseVersion: 0, now: open });
    await db("eois").where({ id: eoi.id }).update({
      answers_json: JSON.stringify({ ...(await applicantContext(db, user)).eoi!.answers, [sectionId]: answers[sectionId] }),
    });
  }
  await db("eois").update({ completed_json: JSON.stringify(Object.fromEntries(SECTION_IDS.map((id) => [id, true]))) });
}

describe("stage 1: the expression of interest", () => {
  it("R-30 one EOI per lead authority per round: a second officer joins the same one", async () => {
    const { db, helen, dev, sarah } = await world();
    const first = await startEoi(db, { user: helen, now: open });
    const second = await startEoi(db, { user: dev, now: open });
    expect(second.id).toBe(first.id);
    const leeds = await startEoi(db, { user: sarah, now: open });
    expect(leeds.id).not.toBe(first.id);
    expect(await db("eois").count({ n: "*" })).toEqual([{ n: 2 }]);
    expect(await db("audit_log").where({ action: "eoi.started" }).count({ n: "*" })).toEqual([{ n: 2 }]);
  });

  it("R-20 an officer only ever reaches their own authority's EOI", async () => {
    const { db, helen, sarah } = await world();
    await startEoi(db, { user: helen, now: open });
    expect((await applicantContext(db, sarah)).eoi).toBeNull();
  });

  it("R-34 saving a page keeps what was typed even when it is invalid, and reports the error", async () => {
    const { db, helen } = await world();
    await startEoi(db, { user: helen, now: open });
    const form = new URLSearchParams([["sectionVersion", "0"], ["toolkitUse", "Half a thought"]]);
    const outcome = await handlePagePost(db, { user: helen, sectionId: "toolkit-use", pageIndex: 0, form: { get: (n) => form.get(n), getAll: (n) => form.getAll(n) }, now: open });
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind === "invalid") expect(outcome.errors.map((e) => e.href)).toContain("#themes");
    const { eoi } = await applicantContext(db, helen);
    expect(eoi!.answers["toolkit-use"]).toMatchObject({ toolkitUse: "Half a thought" });
  });

  it("R-32 over the 1,000 words the officer gets an error naming the total, and the text is kept", async () => {
    const { db, helen } = await world();
    await startEoi(db, { user: helen, now: open });
    await saveSectionPage(db, { user: helen, sectionId: "leadership", pageIndex: 0, answers: { leadership: words(950) }, baseVersion: 0, now: open });
    const form = new URLSearchParams([["sectionVersion", "0"], ["impact", words(60)]]);
    const outcome = await handlePagePost(db, { user: helen, sectionId: "impact", pageIndex: 0, form: { get: (n) => form.get(n), getAll: (n) => form.getAll(n) }, now: open });
    expect(outcome).toMatchObject({ kind: "invalid", errors: [{ text: "Sections 2 to 9 must be 1,000 words or fewer – you have 1,010 words", href: "#impact" }] });
    expect((await applicantContext(db, helen)).eoi!.answers.impact).toEqual({ impact: words(60) });
  });

  it("R-30 R-34 a stale save of the same field never overwrites: both versions are kept and the officer chooses", async () => {
    const { db, helen, dev } = await world();
    await startEoi(db, { user: helen, now: open });
    // Both open the page at version 0; Dev saves first.
    expect((await saveSectionPage(db, { user: dev, sectionId: "leadership", pageIndex: 0, answers: { leadership: "Dev's words" }, baseVersion: 0, now: open })).kind).toBe("saved");
    const stale = await saveSectionPage(db, { user: helen, sectionId: "leadership", pageIndex: 0, answers: { leadership: "Helen's words" }, baseVersion: 0, now: open });
    expect(stale.kind).toBe("conflict");
    expect((await applicantContext(db, helen)).eoi!.answers.leadership).toEqual({ leadership: "Dev's words" });
    const saveId = stale.kind === "conflict" ? stale.saveId : 0;
    const view = await conflictView(db, { user: helen, saveId });
    expect(view).toMatchObject({ fields: ["leadership"], mine: { leadership: "Helen's words" }, theirs: { leadership: "Dev's words" } });
    expect(await conflictView(db, { user: dev, saveId })).toBeNull(); // only its author sees it
    await resolveConflict(db, { user: helen, saveId, keep: "mine", now: open });
    expect((await applicantContext(db, helen)).eoi!.answers.leadership).toEqual({ leadership: "Helen's words" });
    const history = await db("eoi_section_saves").where({ section_id: "leadership" }).orderBy("id").select("outcome", "answers_json");
    expect(history.map((h) => [h.outcome, JSON.parse(h.answers_json).leadership])).toEqual([
      ["saved", "Dev's words"],
      ["resolved-mine", "Helen's words"],
      ["resolved", "Helen's words"],
    ]);
  });

  it("R-30 saves of different pages of one section by two officers merge", async () => {
    const { db, helen, dev } = await world();
    await startEoi(db, { user: helen, now: open });
    await saveSectionPage(db, { user: dev, sectionId: "about-the-bid", pageIndex: 2, answers: { contactName: "Dev Patel" }, baseVersion: 0, now: open });
    const result = await saveSectionPage(db, { user: helen, sectionId: "about-the-bid", pageIndex: 1, answers: { hasPartners: "no" }, baseVersion: 0, now: open });
    expect(result.kind).toBe("saved");
    expect((await applicantContext(db, helen)).eoi!.answers["about-the-bid"]).toMatchObject({ contactName: "Dev Patel", hasPartners: "no" });
  });

  it("R-34 a POST held after the session expired is completed once, after signing in, and only for its owner", async () => {
    const { db, helen, dev } = await world();
    await startEoi(db, { user: helen, now: open });
    const form = new FormData();
    form.set("csrf", "x");
    form.set("sectionVersion", "0");
    form.set("leadership", "Typed before the session expired");
    const token = await holdForm(db, { userId: helen.id, path: "/applicant/eoi/leadership/1", form, now: open });
    expect(await takeHeldForm(db, { token, userId: dev.id, now: open })).toBeNull(); // not Dev's: left for Helen
    const held = await takeHeldForm(db, { token, userId: helen.id, now: open });
    expect(held?.form.get("leadership")).toBe("Typed before the session expired");
    expect(held?.form.has("csrf")).toBe(false);
    await handlePagePost(db, { user: helen, sectionId: "leadership", pageIndex: 0, form: held!.form, now: open });
    expect((await applicantContext(db, helen)).eoi!.answers.leadership).toEqual({ leadership: "Typed before the session expired" });
    expect(await takeHeldForm(db, { token, userId: helen.id, now: open })).toBeNull();
  });

  it("R-35 submits while open: a unique reference, read-only, audited, and an email with the PDF to the officer and the named contact", async () => {
    const { db, helen } = await world();
    await startEoi(db, { user: helen, now: open });
    await fillEverything(db, helen);
    const result = await submitEoi(db, { user: helen, now: open, random: seededRandom(7) });
    expect(result.ok).toBe(true);
    const reference = result.ok ? result.reference : "";
    expect(reference).toMatch(/^RTP-EOI-[234679CDFGHJKLMNPQRTVWXYZ]{6}$/);
    const eoi = (await applicantContext(db, helen)).eoi!;
    expect(eoi).toMatchObject({ status: "submitted", reference, submittedBy: helen.id });
    expect((await saveSectionPage(db, { user: helen, sectionId: "leadership", pageIndex: 0, answers: { leadership: "late edit" }, baseVersion: 1, now: open })).kind).toBe("read-only");
    const email = await db("email_outbox").where({ template: "eoi-submitted" }).first();
    expect(email).toMatchObject({ to_address: helen.email, cc: "contact@newcastle.example.gov.uk" });
    expect(email.text_body).toContain(reference);
    const [attachment] = JSON.parse(email.attachments_json);
    expect(attachment.filename).toBe(`${reference}.pdf`);
    expect(Buffer.from(attachment.contentBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    expect(await db("audit_log").where({ action: "eoi.submitted" }).count({ n: "*" })).toEqual([{ n: 1 }]);
  });

  it("R-35 draws another reference when the first is taken", async () => {
    const { db, helen, sarah } = await world();
    await startEoi(db, { user: sarah, now: open });
    await startEoi(db, { user: helen, now: open });
    await fillEverything(db, helen);
    const taken = "RTP-EOI-" + "2".repeat(6);
    await db("eois").where({ authority_id: sarah.authorityId }).update({ reference: taken, status: "submitted" });
    let calls = 0;
    const random = () => (calls++ < 6 ? 0 : 0.5); // first reference is "222222", then another
    const result = await submitEoi(db, { user: helen, now: open, random });
    expect(result.ok && result.reference).not.toBe(taken);
    expect(result.ok).toBe(true);
  });

  it("R-35 refuses after the deadline (server clock, Europe/London) unless the programme manager extended it", async () => {
    const { db, helen, manager } = await world();
    await startEoi(db, { user: helen, now: open });
    await fillEverything(db, helen);
    const late = await submitEoi(db, { user: helen, now: afterDeadline });
    expect(late).toEqual({ ok: false, errors: [{ text: "You can no longer submit – the deadline was 11:59pm on 17 July 2009", href: "#" }] });
    const eoi = (await applicantContext(db, helen)).eoi!;
    await extendDeadline(db, { actor: manager, eoiId: eoi.id, date: "2009-07-20", now: afterDeadline });
    expect((await submitEoi(db, { user: helen, now: afterDeadline })).ok).toBe(true);
    expect(await db("audit_log").where({ action: "eoi.deadline-extended" }).count({ n: "*" })).toEqual([{ n: 1 }]);
  });

  it("R-35 withdrawing needs a submitted EOI and an open window, and is audited", async () => {
    const { db, helen } = await world();
    await startEoi(db, { user: helen, now: open });
    expect(await withdrawEoi(db, { user: helen, reason: "x", now: open })).toEqual({ ok: false, error: "Only a submitted expression of interest can be withdrawn" });
    await fillEverything(db, helen);
    await submitEoi(db, { user: helen, now: open });
    expect(await withdrawEoi(db, { user: helen, reason: "Chief executive left", now: afterDeadline })).toEqual({ ok: false, error: "You can no longer withdraw – the deadline has passed" });
    expect(await withdrawEoi(db, { user: helen, reason: "Chief executive left", now: open })).toEqual({ ok: true });
    expect((await applicantContext(db, helen)).eoi).toMatchObject({ status: "withdrawn", withdrawnReason: "Chief executive left" });
    expect(await db("audit_log").where({ action: "eoi.withdrawn" }).first()).toBeTruthy();
  });
});

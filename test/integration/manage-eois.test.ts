import type { Knex } from "knex";
import { describe, expect, it } from "vitest";
import { insertRound } from "~/data/rounds.server";
import { findUserById, type User } from "~/data/users.server";
import { endOfDayLondon } from "~/domain/calendar";
import type { EoiAnswers } from "~/domain/eoi/sections";
import {
  eoiForManager,
  eoiOverview,
  extendAuthorityDeadline,
  readDateInput,
  readEoiFilters,
  recordHardCopyReceipt,
  withdrawOnRequest,
} from "~/services/eoi-admin.server";
import { EoiAccessError, applicantContext, startEoi } from "~/services/eoi.server";
import { completeAnswers } from "../factories/eoi-answers";
import { makeAuthority, makeUser } from "../factories/users";
import { createTestDb } from "../setup/db";

const open = new Date("2009-07-10T09:00:00Z");
const afterDeadline = new Date("2009-07-20T10:00:00Z");
const date = (day: string, month: string, year: string) => ({ day, month, year });

let references = 0;

/** An EOI inserted directly in a given state (the applicant journey is tested in eoi.test.ts). */
async function makeEoi(db: Knex, input: { roundId: number; authorityId: number; officer: User; status: "draft" | "submitted" | "withdrawn"; answers?: EoiAnswers; submittedAt?: string; hardCopy?: string }) {
  references += 1;
  const submitted = input.status !== "draft";
  const [row] = await db("eois")
    .insert({
      round_id: input.roundId,
      authority_id: input.authorityId,
      status: input.status,
      reference: submitted ? `RTP-EOI-${"2346797CDFGH".slice(references % 6, (references % 6) + 5)}${"KLMNPQRTVWXYZ"[references % 13]}` : null,
      answers_json: JSON.stringify(input.answers ?? completeAnswers()),
      created_by: input.officer.id,
      created_at: "2009-06-20T09:00:00.000Z",
      updated_at: "2009-06-20T09:00:00.000Z",
      submitted_by: submitted ? input.officer.id : null,
      submitted_at: submitted ? (input.submittedAt ?? "2009-07-09T10:00:00.000Z") : null,
      withdrawn_at: input.status === "withdrawn" ? "2009-07-09T12:00:00.000Z" : null,
      withdrawn_reason: input.status === "withdrawn" ? "Changed our minds" : null,
      hard_copy_received_at: input.hardCopy ?? null,
    })
    .returning("id");
  return Number(typeof row === "object" ? row.id : row);
}

async function world() {
  const db = await createTestDb();
  const roundId = await insertRound(
    db,
    { name: "2009/10", totalFundPence: 90_000_000, pilotCount: 9, maxAwardPence: 10_000_000, eoiOpensAt: "2009-06-15T00:00:00.000Z", eoiClosesAt: endOfDayLondon("2009-07-17").toISOString(), requestsBy: "2009-08-03", detailedDueAt: endOfDayLondon("2009-08-21").toISOString(), startBy: "2009-09-30", endsOn: "2010-03-31" },
    open,
  );
  const asUser = async (id: number) => (await findUserById(db, id))!;
  const manager = await asUser((await makeUser(db, { role: "programme_manager", name: "Priya Shah" })).id);
  const assessor = await asUser((await makeUser(db, { role: "assessor" })).id);
  const leeds = await makeAuthority(db, { name: "Leeds City Council", region: "Yorkshire and the Humber", type: "metropolitan district" });
  const camden = await makeAuthority(db, { name: "London Borough of Camden", region: "London", type: "london borough" });
  const lewisham = await makeAuthority(db, { name: "London Borough of Lewisham", region: "London", type: "london borough" });
  const kent = await makeAuthority(db, { name: "Kent County Council", region: "South East", type: "shire county" });
  const newcastle = await makeAuthority(db, { name: "Newcastle upon Tyne City Council", region: "North East", type: "metropolitan district" });
  const officer = async (authorityId: number, email: string) => asUser((await makeUser(db, { email, name: `Officer ${email}`, authorityId })).id);
  const sarah = await officer(leeds.id, "sarah@leeds.example.gov.uk");
  const chloe = await officer(camden.id, "chloe@camden.example.gov.uk");
  const tom = await officer(lewisham.id, "tom@lewisham.example.gov.uk");
  const fiona = await officer(kent.id, "fiona@kent.example.gov.uk");
  const helen = await officer(newcastle.id, "helen@newcastle.example.gov.uk");
  const eois = {
    leeds: await makeEoi(db, { roundId, authorityId: leeds.id, officer: sarah, status: "submitted", hardCopy: "2009-07-09" }),
    camden: await makeEoi(db, { roundId, authorityId: camden.id, officer: chloe, status: "submitted" }),
    lewisham: await makeEoi(db, { roundId, authorityId: lewisham.id, officer: tom, status: "draft", answers: {} }),
    kent: await makeEoi(db, { roundId, authorityId: kent.id, officer: fiona, status: "withdrawn" }),
  };
  return { db, roundId, manager, assessor, sarah, helen, eois, authorities: { leeds, camden, lewisham, kent, newcastle } };
}

const noFilters = { region: null, status: null, hardCopy: null };

describe("the programme manager's list of expressions of interest (R-9)", () => {
  it("lists every EOI by region in R-2's order, then authority, with status and hard copy", async () => {
    const { db, manager } = await world();
    const overview = await eoiOverview(db, { actor: manager, filters: noFilters });
    expect(overview.eois.map((e) => [e.region, e.authorityName, e.status, e.hardCopyReceivedAt])).toEqual([
      ["Yorkshire and the Humber", "Leeds City Council", "submitted", "2009-07-09"],
      ["London", "London Borough of Camden", "submitted", null],
      ["London", "London Borough of Lewisham", "draft", null],
      ["South East", "Kent County Council", "withdrawn", null],
    ]);
  });

  it("counts per status and per region over the whole round, every region shown even with none", async () => {
    const { db, manager } = await world();
    const overview = await eoiOverview(db, { actor: manager, filters: { region: "London", status: null, hardCopy: null } });
    expect(overview.totals).toEqual({ draft: 1, submitted: 2, withdrawn: 1, hardCopies: 1, total: 4 });
    expect(overview.byRegion.map((r) => r.region)).toEqual(["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"]);
    expect(overview.byRegion.find((r) => r.region === "London")!.counts).toEqual({ draft: 1, submitted: 1, withdrawn: 0, hardCopies: 0, total: 2 });
    expect(overview.byRegion.find((r) => r.region === "North East")!.counts.total).toBe(0);
  });

  it("filters by region, status and hard copy from the query string; unknown values mean all", async () => {
    const { db, manager } = await world();
    const list = async (query: string) => (await eoiOverview(db, { actor: manager, filters: readEoiFilters(new URLSearchParams(query)) })).eois.map((e) => e.authorityName);
    expect(await list("region=London")).toEqual(["London Borough of Camden", "London Borough of Lewisham"]);
    expect(await list("region=London&status=submitted")).toEqual(["London Borough of Camden"]);
    expect(await list("status=withdrawn")).toEqual(["Kent County Council"]);
    expect(await list("hardCopy=received")).toEqual(["Leeds City Council"]);
    // "Not received" is about EOIs that should have one: drafts have no hard copy yet.
    expect(await list("hardCopy=not-received")).toEqual(["London Borough of Camden", "Kent County Council"]);
    expect(await list("region=Atlantis&status=lost&hardCopy=maybe")).toHaveLength(4);
    expect(readEoiFilters(new URLSearchParams("region=Atlantis"))).toEqual(noFilters);
  });

  it("R-20 only the programme manager", async () => {
    const { db, assessor, sarah } = await world();
    await expect(eoiOverview(db, { actor: assessor, filters: noFilters })).rejects.toThrow(EoiAccessError);
    await expect(eoiOverview(db, { actor: sarah, filters: noFilters })).rejects.toThrow(EoiAccessError);
  });
});

describe("viewing one expression of interest (R-9)", () => {
  it("shows every section's questions with the answers as text, the reference, submission and deadline", async () => {
    const { db, manager, eois, sarah } = await world();
    const view = (await eoiForManager(db, { actor: manager, eoiId: eois.leeds }))!;
    expect(view.authority.name).toBe("Leeds City Council");
    expect(view.submittedByName).toBe(sarah.name);
    expect(view.deadline).toBe("2009-07-17T22:59:59.999Z");
    expect(view.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const toolkit = view.sections.find((s) => s.id === "toolkit-use")!;
    expect(toolkit.questions.find((q) => q.name === "themes")!.lines).toEqual(["Importance of the frontline"]);
    const costs = view.sections.find((s) => s.id === "supporting-documents")!.questions.find((q) => q.name === "costs")!;
    expect(costs.lines).toEqual(["Project officer – Staff – £45,000 – CLG"]);
    expect(view.clgRequestPence).toBe(4_500_000);
    expect(view.totalWords).toBe(900);
  });

  it("R-20 an unknown id is null (a 404); other roles are refused", async () => {
    const { db, manager, assessor, eois } = await world();
    expect(await eoiForManager(db, { actor: manager, eoiId: 999_999 })).toBeNull();
    expect(await eoiForManager(db, { actor: manager, eoiId: Number("abc") })).toBeNull();
    await expect(eoiForManager(db, { actor: assessor, eoiId: eois.leeds })).rejects.toThrow(EoiAccessError);
  });
});

describe("GOV.UK date input", () => {
  const read = (day: string, month: string, year: string) => readDateInput(date(day, month, year), "Date the hard copy was received", "Enter the date the hard copy was received");
  it("reads numbers and month names", () => {
    expect(read("9", "7", "2009")).toEqual({ ok: true, date: "2009-07-09" });
    expect(read(" 09 ", "July", "2009")).toEqual({ ok: true, date: "2009-07-09" });
    expect(read("9", "sept", "2009")).toEqual({ ok: true, date: "2009-09-09" });
  });
  it("says what is missing or wrong, and which fields to mark", () => {
    expect(read("", "", "")).toEqual({ ok: false, error: { text: "Enter the date the hard copy was received", parts: ["day", "month", "year"] } });
    expect(read("9", "", "")).toEqual({ ok: false, error: { text: "Date the hard copy was received must include a month and year", parts: ["month", "year"] } });
    expect(read("", "7", "2009")).toEqual({ ok: false, error: { text: "Date the hard copy was received must include a day", parts: ["day"] } });
    expect(read("31", "2", "2009")).toEqual({ ok: false, error: { text: "Date the hard copy was received must be a real date", parts: ["day"] } });
    expect(read("9", "13", "2009")).toEqual({ ok: false, error: { text: "Date the hard copy was received must be a real date", parts: ["month"] } });
    expect(read("9", "7", "09")).toEqual({ ok: false, error: { text: "Year must include 4 numbers", parts: ["year"] } });
    expect(read("nine", "7", "2009").ok).toBe(false);
  });
});

describe("R-9 recording receipt of the hard copy", () => {
  it("records the London date, audited with who and before/after", async () => {
    const { db, manager, eois } = await world();
    expect(await recordHardCopyReceipt(db, { actor: manager, eoiId: eois.camden, values: date("10", "7", "2009"), now: open })).toEqual({ kind: "done" });
    expect((await db("eois").where({ id: eois.camden }).first()).hard_copy_received_at).toBe("2009-07-10");
    const audit = await db("audit_log").where({ action: "eoi.hard-copy-received" }).first();
    expect(audit).toMatchObject({ actor_user_id: manager.id, entity_id: String(eois.camden), before_json: JSON.stringify({ hardCopyReceivedAt: null }), after_json: JSON.stringify({ hardCopyReceivedAt: "2009-07-10" }) });
  });

  it("refuses an invalid date or one in the future, and changes nothing", async () => {
    const { db, manager, eois } = await world();
    expect(await recordHardCopyReceipt(db, { actor: manager, eoiId: eois.camden, values: date("", "", ""), now: open })).toMatchObject({ kind: "invalid", error: { text: "Enter the date the hard copy was received" } });
    expect(await recordHardCopyReceipt(db, { actor: manager, eoiId: eois.camden, values: date("30", "2", "2009"), now: open })).toMatchObject({ kind: "invalid", error: { text: "Date the hard copy was received must be a real date" } });
    expect(await recordHardCopyReceipt(db, { actor: manager, eoiId: eois.camden, values: date("11", "7", "2009"), now: open })).toMatchObject({ kind: "invalid", error: { text: "Date the hard copy was received must be today or in the past" } });
    expect((await db("eois").where({ id: eois.camden }).first()).hard_copy_received_at).toBeNull();
    expect(await db("audit_log").count({ n: "*" })).toEqual([{ n: 0 }]);
  });

  it("only for an EOI that was sent; an unknown one is not found; only the programme manager", async () => {
    const { db, manager, assessor, eois } = await world();
    expect(await recordHardCopyReceipt(db, { actor: manager, eoiId: eois.lewisham, values: date("10", "7", "2009"), now: open })).toMatchObject({ kind: "not-allowed" });
    expect(await recordHardCopyReceipt(db, { actor: manager, eoiId: eois.kent, values: date("10", "7", "2009"), now: open })).toEqual({ kind: "done" });
    expect(await recordHardCopyReceipt(db, { actor: manager, eoiId: 999_999, values: date("10", "7", "2009"), now: open })).toEqual({ kind: "not-found" });
    await expect(recordHardCopyReceipt(db, { actor: assessor, eoiId: eois.camden, values: date("10", "7", "2009"), now: open })).rejects.toThrow(EoiAccessError);
  });
});

describe("R-35 extending one authority's deadline", () => {
  it("sets the end of that London day, audited, and the EOI shows the new deadline", async () => {
    const { db, manager, eois } = await world();
    expect(await extendAuthorityDeadline(db, { actor: manager, eoiId: eois.lewisham, values: date("24", "7", "2009"), now: open })).toEqual({ kind: "done" });
    const row = await db("eois").where({ id: eois.lewisham }).first();
    expect(row.deadline_extended_to).toBe("2009-07-24T22:59:59.999Z"); // 23:59:59.999 BST
    const audit = await db("audit_log").where({ action: "eoi.deadline-extended" }).first();
    expect(audit).toMatchObject({ actor_user_id: manager.id, after_json: JSON.stringify({ deadlineExtendedTo: "2009-07-24T22:59:59.999Z" }) });
    const view = (await eoiForManager(db, { actor: manager, eoiId: eois.lewisham }))!;
    expect(view.deadline).toBe("2009-07-24T22:59:59.999Z");
    expect(view.history.map((h) => h.action)).toEqual(["eoi.deadline-extended"]);
  });

  it("refuses a day in the past, a day not after the round's deadline, and an invalid date", async () => {
    const { db, manager, eois } = await world();
    const extend = (values: ReturnType<typeof date>, now = open) => extendAuthorityDeadline(db, { actor: manager, eoiId: eois.lewisham, values, now });
    expect(await extend(date("19", "7", "2009"), afterDeadline)).toMatchObject({ kind: "invalid", error: { text: "New deadline must be today or in the future" } });
    expect(await extend(date("17", "7", "2009"))).toMatchObject({ kind: "invalid", error: { text: "New deadline must be after the round’s deadline of 17 July 2009" } });
    expect(await extend(date("", "", ""))).toMatchObject({ kind: "invalid", error: { text: "Enter the new deadline" } });
    expect(await extend(date("32", "7", "2009"))).toMatchObject({ kind: "invalid", error: { text: "New deadline must be a real date", parts: ["day"] } });
    // After the round closed, today is still a valid new deadline (the end of today).
    expect(await extend(date("20", "7", "2009"), afterDeadline)).toEqual({ kind: "done" });
  });

  it("is for an EOI not yet submitted", async () => {
    const { db, manager, eois } = await world();
    expect(await extendAuthorityDeadline(db, { actor: manager, eoiId: eois.camden, values: date("24", "7", "2009"), now: open })).toMatchObject({ kind: "not-allowed" });
    expect(await extendAuthorityDeadline(db, { actor: manager, eoiId: 999_999, values: date("24", "7", "2009"), now: open })).toEqual({ kind: "not-found" });
  });
});

describe("R-35 withdrawing at the authority's request (docs/decisions/0020)", () => {
  it("withdraws a submitted EOI with the reason, even after the deadline; audited; the officer is told", async () => {
    const { db, manager, eois } = await world();
    expect(await withdrawOnRequest(db, { actor: manager, eoiId: eois.camden, reason: "  Email from the chief executive, 19 July  ", now: afterDeadline })).toEqual({ kind: "done" });
    const row = await db("eois").where({ id: eois.camden }).first();
    expect(row).toMatchObject({ status: "withdrawn", withdrawn_reason: "Email from the chief executive, 19 July", withdrawn_at: afterDeadline.toISOString() });
    const audit = await db("audit_log").where({ action: "eoi.withdrawn-on-request" }).first();
    expect(audit).toMatchObject({ actor_user_id: manager.id, before_json: JSON.stringify({ status: "submitted" }) });
    expect(JSON.parse(audit.after_json)).toEqual({ status: "withdrawn", reason: "Email from the chief executive, 19 July" });
    const email = await db("email_outbox").where({ template: "eoi-withdrawn-on-request" }).first();
    expect(email).toMatchObject({ to_address: "chloe@camden.example.gov.uk", cc: "contact@newcastle.example.gov.uk" });
    expect(email.text_body).toContain("Email from the chief executive, 19 July");
  });

  it("needs a reason, kept within 2,000 characters", async () => {
    const { db, manager, eois } = await world();
    expect(await withdrawOnRequest(db, { actor: manager, eoiId: eois.camden, reason: "   ", now: open })).toEqual({ kind: "invalid", error: { text: "Enter why the authority asked to withdraw the expression of interest" } });
    expect(await withdrawOnRequest(db, { actor: manager, eoiId: eois.camden, reason: "x".repeat(2_001), now: open })).toEqual({ kind: "invalid", error: { text: "Reason must be 2,000 characters or fewer" } });
    expect((await db("eois").where({ id: eois.camden }).first()).status).toBe("submitted");
    expect(await db("audit_log").count({ n: "*" })).toEqual([{ n: 0 }]);
  });

  it("only a submitted EOI; only the programme manager", async () => {
    const { db, manager, sarah, eois } = await world();
    expect(await withdrawOnRequest(db, { actor: manager, eoiId: eois.lewisham, reason: "Asked", now: open })).toMatchObject({ kind: "not-allowed" });
    expect(await withdrawOnRequest(db, { actor: manager, eoiId: eois.kent, reason: "Asked", now: open })).toMatchObject({ kind: "not-allowed" });
    expect(await withdrawOnRequest(db, { actor: manager, eoiId: 999_999, reason: "Asked", now: open })).toEqual({ kind: "not-found" });
    await expect(withdrawOnRequest(db, { actor: sarah, eoiId: eois.leeds, reason: "Asked", now: open })).rejects.toThrow(EoiAccessError);
  });

  it("the officer's own task list then shows it withdrawn", async () => {
    const { db, manager, helen, roundId, authorities } = await world();
    await startEoi(db, { user: helen, now: open });
    const id = (await applicantContext(db, helen)).eoi!.id;
    await db("eois").where({ id }).update({ status: "submitted", reference: "RTP-EOI-777777", submitted_by: helen.id, submitted_at: open.toISOString() });
    await withdrawOnRequest(db, { actor: manager, eoiId: id, reason: "Council decision", now: open });
    expect((await applicantContext(db, helen)).eoi).toMatchObject({ status: "withdrawn", withdrawnReason: "Council decision", roundId, authorityId: authorities.newcastle.id });
  });
});

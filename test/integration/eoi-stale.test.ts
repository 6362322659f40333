import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Knex } from "knex";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { sqliteOnly } from "../setup/db";

// R-34 "nothing typed is lost to … a second editor", and never a 500 page. Every save of an EOI
// reads it and writes it back only if its version is unchanged (app/data/eois.server.ts). Another
// app instance's save can commit between the read and the write (PostgreSQL, R-74), and the write
// then matches no row: StaleEoiError, which reached the officer as "Sorry, there is a problem with
// the service". Each path that writes an EOI section is called here as the browser calls it (the
// route's action or loader), with another officer's save landed, committed, between its read and
// its write: once (the save is tried again and merges, or becomes a conflict) or every time.
//
// SQLite transactions begin IMMEDIATE (ADR 0041), so no other connection can write in between; the
// race is made on the one connection instead: when the save's UPDATE is about to run, its
// transaction is committed (it has written nothing yet), the other officer's save is committed,
// and a new transaction is begun for the UPDATE — the order of events PostgreSQL allows.

const WORK = mkdtempSync(join(tmpdir(), "toolkit-eoi-stale-"));
delete process.env.DATABASE_URL;
process.env.CLOCK_NOW = "2009-07-10T09:00:00.000Z"; // the round is open
process.env.SESSION_SECRET = `eoi-stale-tests-${"z".repeat(32)}`;
process.env.MAIL_DIR = join(WORK, "mail");
process.env.OUTBOX_WORKER = "off";
delete process.env.SMTP_URL;

const { getDb } = await import("~/data/db.server");
const { serviceCookies } = await import("~/auth/cookies.server");
const { insertSession } = await import("~/data/sessions.server");
const { insertRound } = await import("~/data/rounds.server");
const { findUserById } = await import("~/data/users.server");
const { endOfDayLondon } = await import("~/domain/calendar");
const { startEoi, saveSectionPage } = await import("~/services/eoi.server");
const { holdForm } = await import("~/services/held-forms.server");
const { makeAuthority, makeUser } = await import("../factories/users");

type Route = { loader?: (args: object) => Promise<unknown>; action?: (args: object) => Promise<unknown> };
const route = (name: string) => import(/* @vite-ignore */ `../../app/routes/${name}.tsx`) as Promise<Route>;

const now = new Date(process.env.CLOCK_NOW!);
const CSRF = "eoi-stale-csrf-token-0123456789abcdef";
let db: Knex;
let world: { eoiId: number; helen: { id: number }; dev: { id: number }; cookie: string };

let tests = 0;
beforeEach(async () => {
  // A database of each test's own, read by the routes through getDb().
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  process.env.DATABASE_FILE = join(WORK, `service-${(tests += 1)}.sqlite`);
  db = getDb();
  await db.migrate.latest();
  await insertRound(
    db,
    { name: "2009/10", totalFundPence: 90_000_000, pilotCount: 9, maxAwardPence: 10_000_000, eoiOpensAt: "2009-06-15T00:00:00.000Z", eoiClosesAt: endOfDayLondon("2009-07-17").toISOString(), requestsBy: "2009-08-03", detailedDueAt: endOfDayLondon("2009-08-21").toISOString(), startBy: "2009-09-30", endsOn: "2010-03-31" },
    now,
  );
  const authority = await makeAuthority(db, { name: "Newcastle upon Tyne City Council", region: "North East" });
  const helen = (await findUserById(db, (await makeUser(db, { email: "helen@newcastle.example.gov.uk", name: "Helen Ward", authorityId: authority.id })).id))!;
  const dev = (await findUserById(db, (await makeUser(db, { email: "dev@newcastle.example.gov.uk", name: "Dev Patel", authorityId: authority.id })).id))!;
  const eoi = await startEoi(db, { user: helen, now });
  const session = (await serviceCookies().session.serialize(await insertSession(db, helen.id, now, 12))).split(";")[0]!;
  const csrf = (await serviceCookies().csrf.serialize(CSRF)).split(";")[0]!;
  world = { eoiId: eoi.id, helen, dev, cookie: `${csrf}; ${session}` };
});

afterAll(async () => {
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  rmSync(WORK, { recursive: true, force: true });
});

interface SqliteConnection {
  exec(sql: string): void;
  prepare(sql: string): { get(...args: unknown[]): Record<string, unknown>; run(...args: unknown[]): unknown };
}

/** Dev's save of some answers of a section, as saveSectionPage writes it, committed on `raw`. */
function devSaves(raw: SqliteConnection, sectionId: string, answers: Record<string, unknown>) {
  const row = raw.prepare("select answers_json, section_versions_json from eois where id = ?").get(world.eoiId);
  const all = JSON.parse(String(row.answers_json ?? "") || "{}");
  const versions = JSON.parse(String(row.section_versions_json ?? "") || "{}");
  const section = { ...(all[sectionId] ?? {}), ...answers };
  const version = (versions[sectionId] ?? 0) + 1;
  raw
    .prepare("update eois set answers_json = ?, section_versions_json = ?, version = version + 1 where id = ?")
    .run(JSON.stringify({ ...all, [sectionId]: section }), JSON.stringify({ ...versions, [sectionId]: version }), world.eoiId);
  raw
    .prepare("insert into eoi_section_saves (eoi_id, section_id, section_version, outcome, answers_json, saved_by, saved_at) values (?, ?, ?, 'saved', ?, ?, ?)")
    .run(world.eoiId, sectionId, version, JSON.stringify(section), world.dev.id, now.toISOString());
}

/** Lands `otherSave` between the read and the write of the next `times` versioned writes of an EOI. */
async function raceNextWrites(times: number, otherSave: (raw: SqliteConnection) => void): Promise<() => number> {
  const raw = (await db.client.acquireConnection()) as SqliteConnection;
  await db.client.releaseConnection(raw);
  let landed = 0;
  const onQuery = (query: { sql: string }) => {
    if (landed >= times || !/^update [`"]eois[`"] set .*[`"]version[`"] = \?/i.test(query.sql)) return;
    landed += 1;
    raw.exec("COMMIT");
    otherSave(raw);
    raw.exec("BEGIN IMMEDIATE");
  };
  db.on("query", onQuery);
  races.push(() => db.off("query", onQuery));
  return () => landed;
}
const races: Array<() => void> = [];
beforeEach(() => () => races.splice(0).forEach((stop) => stop()));

/** What the person gets: "redirect:<path and query>", "ok", a status, or "500" when it threw. */
async function outcomeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    const value = await run();
    if (value instanceof Response) return value.status >= 300 && value.status < 400 ? `redirect:${value.headers.get("Location")}` : String(value.status);
    const init = value as { type?: string; init?: { status?: number } };
    return init?.type === "DataWithResponseInit" && (init.init?.status ?? 200) >= 300 ? String(init.init?.status) : "ok";
  } catch (error) {
    if (error instanceof Response) return error.status >= 300 && error.status < 400 ? `redirect:${error.headers.get("Location")}` : String(error.status);
    return `500 ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`;
  }
}

const post = (path: string, form: Record<string, string>) =>
  new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: world.cookie }, body: new URLSearchParams({ csrf: CSRF, ...form }) });
const get = (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: world.cookie } });

const saved = async () => {
  const row = await db("eois").where({ id: world.eoiId }).first();
  return { answers: JSON.parse(row.answers_json || "{}"), completed: JSON.parse(row.completed_json || "{}") };
};
const conflicts = () => db("eoi_section_saves").where({ outcome: "conflict" }).orderBy("id").select("id", "saved_by", "answers_json");

describe.skipIf(sqliteOnly("eoi-stale: the race is staged on SQLite's one connection and its files (the route code under test is the same on PostgreSQL)"))("R-34 a save beaten by another officer's save never ends in a 500, and loses nothing", () => {
  it("question page: tried once more, it merges with Dev's save of another section", async () => {
    const landed = await raceNextWrites(1, (raw) => devSaves(raw, "about-the-bid", { contactName: "Dev Patel" }));
    const page = await route("applicant.eoi.$sectionId.$page");
    const outcome = await outcomeOf(() => page.action!({ request: post("/applicant/eoi/leadership/1", { sectionVersion: "0", leadership: "Helen's account of the leadership" }), params: { sectionId: "leadership", page: "1" }, context: {} }));
    expect(landed()).toBe(1);
    expect(outcome).toBe("redirect:/applicant/eoi/leadership/complete");
    const { answers } = await saved();
    expect(answers.leadership.leadership).toBe("Helen's account of the leadership");
    expect(answers["about-the-bid"].contactName).toBe("Dev Patel");
  });

  it("question page: beaten on every try, what Helen typed is kept beside Dev's saved answer for her to choose", async () => {
    await raceNextWrites(2, (raw) => devSaves(raw, "leadership", { leadership: `Dev's words ${Math.random()}` }));
    const page = await route("applicant.eoi.$sectionId.$page");
    const outcome = await outcomeOf(() => page.action!({ request: post("/applicant/eoi/leadership/1", { sectionVersion: "0", leadership: "Helen's account of the leadership" }), params: { sectionId: "leadership", page: "1" }, context: {} }));
    const [conflict] = await conflicts();
    expect(outcome).toBe(`redirect:/applicant/eoi/conflict/${conflict.id}`);
    expect(JSON.parse(conflict.answers_json)).toEqual({ leadership: "Helen's account of the leadership" });
    expect((await saved()).answers.leadership.leadership).toMatch(/^Dev's words/); // Dev's save, as he left it
    const view = await outcomeOf(() => route("applicant.eoi.conflict.$saveId").then((r) => r.loader!({ request: get(`/applicant/eoi/conflict/${conflict.id}`), params: { saveId: String(conflict.id) }, context: {} })));
    expect(view).toBe("ok");
  });

  it("a form held over an expired session (/resume): Dev's save of the same answer lands first, and Helen's is kept as a conflict", async () => {
    const form = new FormData();
    form.set("sectionVersion", "0");
    form.set("leadership", "Typed before the session expired");
    const token = await holdForm(db, { userId: world.helen.id, path: "/applicant/eoi/leadership/1", form, now });
    const landed = await raceNextWrites(1, (raw) => devSaves(raw, "leadership", { leadership: "Dev's words" }));
    const resume = await route("resume.$token");
    const outcome = await outcomeOf(() => resume.loader!({ request: get(`/resume/${token}`), params: { token }, context: {} }));
    expect(landed()).toBe(1);
    const [conflict] = await conflicts();
    expect(outcome).toBe(`redirect:/applicant/eoi/conflict/${conflict.id}`);
    expect(JSON.parse(conflict.answers_json)).toEqual({ leadership: "Typed before the session expired" });
    expect((await saved()).answers.leadership.leadership).toBe("Dev's words");
  });

  it("'Have you completed this section?': tried once more, Helen's answer is saved beside Dev's", async () => {
    await raceNextWrites(1, (raw) => devSaves(raw, "leadership", { leadership: "Dev's words" }));
    const complete = await route("applicant.eoi.$sectionId.complete");
    const outcome = await outcomeOf(() => complete.action!({ request: post("/applicant/eoi/leadership/complete", { sectionVersion: "0", completed: "no" }), params: { sectionId: "leadership" }, context: {} }));
    expect(outcome).toBe("redirect:/applicant/eoi");
    expect(await saved()).toMatchObject({ answers: { leadership: { leadership: "Dev's words" } }, completed: { leadership: false } });
  });

  it("'Have you completed this section?': beaten on every try, the page again with an error summary saying why, Dev's save intact", async () => {
    await raceNextWrites(2, (raw) => devSaves(raw, "leadership", { leadership: `Dev's words ${Math.random()}` }));
    const complete = await route("applicant.eoi.$sectionId.complete");
    const outcome = await outcomeOf(() => complete.action!({ request: post("/applicant/eoi/leadership/complete", { sectionVersion: "0", completed: "no" }), params: { sectionId: "leadership" }, context: {} }));
    expect(outcome).toBe("redirect:/applicant/eoi/leadership/complete?changed=1");
    expect((await saved()).completed).toEqual({});
    expect((await saved()).answers.leadership.leadership).toMatch(/^Dev's words/);
    const page = (await complete.loader!({ request: get("/applicant/eoi/leadership/complete?changed=1"), params: { sectionId: "leadership" }, context: {} })) as { errors: Array<{ text: string; href: string }> };
    expect(page.errors).toEqual([{ text: expect.stringMatching(/^Someone else changed this expression of interest while you were working on it\. Your answer was not saved/), href: "#completed" }]);
  });

  describe("choosing 'Keep my version' of a conflict", () => {
    async function conflictOfHelen() {
      await saveSectionPage(db, { user: (await findUserById(db, world.dev.id))!, sectionId: "leadership", pageIndex: 0, answers: { leadership: "Dev's first words" }, baseVersion: 0, now });
      const stale = await saveSectionPage(db, { user: (await findUserById(db, world.helen.id))!, sectionId: "leadership", pageIndex: 0, answers: { leadership: "Helen's words" }, baseVersion: 0, now });
      if (stale.kind !== "conflict") throw new Error(`expected a conflict, got ${stale.kind}`);
      return stale.saveId;
    }

    it("tried once more, Helen's version is kept over the answers as saved now", async () => {
      const saveId = await conflictOfHelen();
      await raceNextWrites(1, (raw) => devSaves(raw, "about-the-bid", { contactName: "Dev Patel" }));
      const conflict = await route("applicant.eoi.conflict.$saveId");
      const outcome = await outcomeOf(() => conflict.action!({ request: post(`/applicant/eoi/conflict/${saveId}`, { keep: "mine" }), params: { saveId: String(saveId) }, context: {} }));
      expect(outcome).toBe("redirect:/applicant/eoi");
      const { answers } = await saved();
      expect(answers.leadership.leadership).toBe("Helen's words");
      expect(answers["about-the-bid"].contactName).toBe("Dev Patel");
    });

    it("beaten on every try, nothing is written, the conflict stays open and the page says why", async () => {
      const saveId = await conflictOfHelen();
      await raceNextWrites(2, (raw) => devSaves(raw, "leadership", { leadership: `Dev's later words ${Math.random()}` }));
      const conflict = await route("applicant.eoi.conflict.$saveId");
      const outcome = await outcomeOf(() => conflict.action!({ request: post(`/applicant/eoi/conflict/${saveId}`, { keep: "mine" }), params: { saveId: String(saveId) }, context: {} }));
      expect(outcome).toBe(`redirect:/applicant/eoi/conflict/${saveId}?changed=1`);
      expect((await db("eoi_section_saves").where({ id: saveId }).first()).outcome).toBe("conflict");
      expect((await saved()).answers.leadership.leadership).toMatch(/^Dev's later words/);
      const page = (await conflict.loader!({ request: get(`/applicant/eoi/conflict/${saveId}?changed=1`), params: { saveId: String(saveId) }, context: {} })) as { errors: Array<{ text: string }>; rows: Array<{ mine: string; theirs: string }> };
      expect(page.errors[0].text).toMatch(/^Someone else changed this expression of interest while you were choosing/);
      expect(page.rows).toEqual([{ label: expect.any(String), mine: "Helen's words", theirs: expect.stringMatching(/^Dev's later words/) }]);
    });
  });
});

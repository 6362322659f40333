import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileDatabaseUrl, onPostgres } from "../setup/db";

// R-20 Every stage 3 route, its loader (GET) and its action (POST), called directly as
// each of six people, with the outcome each must get; every refusal leaks nothing of the owner's
// application and changes no row. The routes read the database, clock and secret from the
// environment on first use, so it is set before any app module is loaded (imports below are
// dynamic). Each test file runs in its own process (pool: "forks").
const WORK = mkdtempSync(join(tmpdir(), "toolkit-stage3-routes-"));
mkdirSync(join(WORK, "mail"), { recursive: true });
// Under `npm run test:pg` the routes use a PostgreSQL database of this file's own.
if (onPostgres) process.env.DATABASE_URL = await createFileDatabaseUrl();
else {
  process.env.DATABASE_FILE = join(WORK, "service.sqlite");
  delete process.env.DATABASE_URL;
}
process.env.CLOCK_NOW = "2009-08-10T09:00:00.000Z"; // detailed applications are open (due 21 August 2009)
process.env.SESSION_SECRET = `stage3-route-tests-${"y".repeat(32)}`;
process.env.MAIL_DIR = join(WORK, "mail");
process.env.OUTBOX_WORKER = "off";
delete process.env.SMTP_URL;

const MARKER = "OwnersPlanMarker4KZ";
const PERSONAS = ["signedOut", "owner", "otherInvited", "notInvited", "assessor", "manager"] as const;
type Persona = (typeof PERSONAS)[number];
type Cells = readonly [signedOut: string, owner: string, otherInvited: string, notInvited: string, assessor: string, manager: string];

const signIn = "redirect:/sign-in";
const applicantOnly = (owner: string, otherInvited: string, notInvited = "404"): Cells => [signIn, owner, otherInvited, notInvited, "403", "403"];
const managerOnly = (outcome: string): Cells => [signIn, "403", "403", "403", "403", outcome];
const everyone = (outcome: string): Cells => [outcome, outcome, outcome, outcome, outcome, outcome];
const noAction = everyone("405");

interface World {
  cookies: Record<Exclude<Persona, "signedOut"> | "ownerB" | "otherInvitedB", string>;
  csrf: { token: string; cookie: string };
  /** A: the owner's draft; B: another invited authority's awarded application; C: a third, submitted. */
  ids: { draft: number; awarded: number; submitted: number; award: number; conflict: number };
  heldToken: string;
}

interface Row {
  module: string;
  path: (w: World) => string;
  params?: (w: World) => Record<string, string>;
  GET: Cells;
  POST: Cells;
  form?: (w: World) => Record<string, string>;
  /** Which persona plays "owner" for this row: A's officer by default, B's for the award's routes. */
  owner?: "A" | "B";
}

// prettier-ignore
const ROUTES: Row[] = [
  { module: "applicant.application._index", path: () => "/applicant/application", GET: applicantOnly("ok", "ok"), POST: applicantOnly("redirect:/applicant/application", "redirect:/applicant/application") },
  { module: "applicant.application.$sectionId.$page", path: () => "/applicant/application/evaluation/1", params: () => ({ sectionId: "evaluation", page: "1" }),
    GET: applicantOnly("ok", "redirect:/applicant/application"), POST: [signIn, "redirect:/applicant/application/evaluation/complete", "redirect:/applicant/application", "404", "403", "403"],
    form: () => ({ sectionVersion: "0", approach: "An independent evaluation.", measures: "Repeat contacts." }) },
  { module: "applicant.application.$sectionId.complete", path: () => "/applicant/application/evaluation/complete", params: () => ({ sectionId: "evaluation" }),
    GET: applicantOnly("ok", "redirect:/applicant/application"), POST: applicantOnly("redirect:/applicant/application", "redirect:/applicant/application"), form: () => ({ completed: "no", sectionVersion: "0" }) },
  // Submitting an incomplete draft is a 400 with the sections still to do.
  { module: "applicant.application.check", path: () => "/applicant/application/check", GET: applicantOnly("ok", "redirect:/applicant/application"), POST: applicantOnly("400", "400") },
  { module: "applicant.application.confirmation", path: () => "/applicant/application/confirmation", GET: applicantOnly("redirect:/applicant/application", "redirect:/applicant/application"), POST: noAction },
  { module: "applicant.application.conflict.$saveId", path: (w) => `/applicant/application/conflict/${w.ids.conflict}`, params: (w) => ({ saveId: String(w.ids.conflict) }),
    GET: applicantOnly("ok", "redirect:/applicant/application"), POST: applicantOnly("redirect:/applicant/application", "redirect:/applicant/application"), form: () => ({ keep: "theirs" }) },
  { module: "applicant.application.resume.$token", path: (w) => `/applicant/application/resume/${w.heldToken}`, params: (w) => ({ token: w.heldToken }),
    GET: applicantOnly("redirect:/applicant/application/evaluation/1", "redirect:/applicant/application"), POST: noAction },
  { module: "applicant.application.withdraw", path: () => "/applicant/application/withdraw", GET: applicantOnly("ok", "redirect:/applicant/application"), POST: applicantOnly("redirect:/applicant/application", "400"),
    form: () => ({ reason: "The cabinet decided not to go ahead." }) },
  // The award's routes: the owner is B's officer; A's officer (invited, no award) gets 404 like anyone without one.
  { module: "applicant.application.offer", owner: "B", path: () => "/applicant/application/offer", GET: applicantOnly("ok", "404"), POST: applicantOnly("redirect:/applicant/application/offer", "404"),
    form: () => ({ officerName: "Chris Lee", officerRole: "Chief Executive", "acceptanceDate-day": "10", "acceptanceDate-month": "8", "acceptanceDate-year": "2009", declaration: "yes" }) },
  { module: "applicant.application.offer[.]pdf", owner: "B", path: () => "/applicant/application/offer.pdf", GET: applicantOnly("ok", "404"), POST: noAction },
  // The programme manager's routes.
  { module: "manage.applications._index", path: () => "/manage/applications", GET: managerOnly("ok"), POST: noAction },
  { module: "manage.applications.$id._index", path: (w) => `/manage/applications/${w.ids.draft}`, params: (w) => ({ id: String(w.ids.draft) }), GET: managerOnly("ok"), POST: noAction },
  { module: "manage.applications.$id.decision", path: (w) => `/manage/applications/${w.ids.submitted}/decision`, params: (w) => ({ id: String(w.ids.submitted) }),
    GET: managerOnly("ok"), POST: managerOnly("redirect:/manage/applications/:submitted"), form: () => ({ decision: "request-changes", amount: "", comments: "Phase the budget by quarter." }) },
  { module: "manage.awards._index", path: () => "/manage/awards", GET: managerOnly("ok"), POST: noAction },
  { module: "manage.awards.$id", path: (w) => `/manage/awards/${w.ids.award}`, params: (w) => ({ id: String(w.ids.award) }), GET: managerOnly("ok"), POST: noAction },
  { module: "manage.awards.$id.offer[.]pdf", path: (w) => `/manage/awards/${w.ids.award}/offer.pdf`, params: (w) => ({ id: String(w.ids.award) }), GET: managerOnly("ok"), POST: noAction },
  // R-54 public open data.
  { module: "data.360giving[.]json", path: () => "/data/360giving.json", GET: everyone("ok"), POST: noAction },
  { module: "data.360giving[.]csv", path: () => "/data/360giving.csv", GET: everyone("ok"), POST: noAction },
];

const STAGE3_TABLES = ["applications", "application_section_saves", "application_versions", "application_reviews", "grant_awards", "held_forms"];

let world: World;
let users: Record<string, import("~/data/users.server").User>;
let db: import("knex").Knex;

beforeAll(async () => {
  const { getDb } = await import("~/data/db.server");
  const { serviceCookies } = await import("~/auth/cookies.server");
  const { insertSession } = await import("~/data/sessions.server");
  const { saveApplicationPage, startApplication } = await import("~/services/application.server");
  const { approveApplication } = await import("~/services/award.server");
  const { holdForm } = await import("~/services/held-forms.server");
  const { makeApplication, makeRound, makeShortlistedBid, confirmShortlistFor } = await import("../factories/applications");
  const { makeStaff } = await import("../factories/eois");
  db = getDb();
  await db.migrate.latest();
  const now = new Date(process.env.CLOCK_NOW!);
  const round = await makeRound(db);
  const manager = await makeStaff(db, "programme_manager");
  const a = await makeShortlistedBid(db, { roundId: round.id, region: "North East", name: "Newcastle upon Tyne City Council", officers: 2 });
  const b = await makeShortlistedBid(db, { roundId: round.id, region: "London", name: "London Borough of Camden" });
  const c = await makeShortlistedBid(db, { roundId: round.id, region: "South West", name: "Cornwall Council" });
  const outsider = await makeShortlistedBid(db, { roundId: round.id, region: "North East", name: "Sunderland City Council" });
  await confirmShortlistFor(db, { roundId: round.id, bids: [a, b, c], managerId: manager.id });
  // A: a draft with the owner's words (MARKER), and a conflict kept for its officer.
  const draft = await startApplication(db, { user: a.officers[0]!, now });
  await saveApplicationPage(db, { user: a.officers[1]!, sectionId: "delivery-plan", pageIndex: 0, answers: { deliverySummary: `${MARKER} plan` }, baseVersion: 0, now });
  const conflict = await saveApplicationPage(db, { user: a.officers[0]!, sectionId: "delivery-plan", pageIndex: 0, answers: { deliverySummary: `${MARKER} other plan` }, baseVersion: 0, now });
  const form = new FormData();
  form.set("sectionVersion", "0");
  form.set("approach", `${MARKER} typed before the session expired`);
  const heldToken = await holdForm(db, { userId: a.officers[0]!.id, path: "/applicant/application/evaluation/1", form, now });
  // B: approved, with its award offered. C: submitted, waiting for a decision.
  const awarded = await makeApplication(db, { round, bid: b, status: "submitted", at: new Date("2009-08-05T09:00:00Z") });
  const { awardId } = await approveApplication(db, { actor: manager, applicationId: awarded.id, baseUrl: "http://localhost", now: new Date("2009-08-06T09:00:00Z") });
  const submitted = await makeApplication(db, { round, bid: c, status: "submitted" });
  const assessor = await makeStaff(db, "assessor");
  users = { owner: a.officers[0]!, ownerB: b.officers[0]!, otherInvited: b.officers[0]!, otherInvitedB: a.officers[0]!, notInvited: outsider.officers[0]!, assessor, manager };
  const cookieFor = async (userId: number) => (await serviceCookies().session.serialize(await insertSession(db, userId, now, 12))).split(";")[0]!;
  const cookies = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([name, user]) => [name, await cookieFor(user.id)]))) as World["cookies"];
  const token = "stage3-csrf-token-0123456789abcdef";
  world = {
    cookies,
    csrf: { token, cookie: (await serviceCookies().csrf.serialize(token)).split(";")[0]! },
    ids: { draft: draft.id, awarded: awarded.id, submitted: submitted.id, award: awardId, conflict: conflict.kind === "conflict" ? conflict.saveId : 0 },
    heldToken,
  };
});

afterAll(async () => {
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  rmSync(WORK, { recursive: true, force: true });
});

async function observe(run: () => Promise<unknown>): Promise<{ outcome: string; body: string }> {
  let value: unknown;
  let threw = false;
  try {
    value = await run();
  } catch (error) {
    value = error;
    threw = true;
  }
  if (value instanceof Response) {
    if (value.status >= 300 && value.status < 400) return { outcome: `redirect:${new URL(value.headers.get("Location") ?? "", "http://localhost").pathname}`, body: "" };
    const body = await value.text();
    return { outcome: value.status < 300 ? "ok" : String(value.status), body };
  }
  if (threw) return { outcome: "500", body: String((value as Error)?.stack ?? value) };
  const init = value as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (init && init.type === "DataWithResponseInit") {
    const status = init.init?.status ?? 200;
    return { outcome: status < 300 ? "ok" : String(status), body: JSON.stringify(init.data) };
  }
  return { outcome: "ok", body: JSON.stringify(value) ?? "" };
}

async function snapshot(): Promise<string> {
  const parts = [];
  for (const table of STAGE3_TABLES) parts.push(JSON.stringify(await db(table).select("*").orderBy("id")));
  return parts.join("\n");
}

const personaCookie = (row: Row, persona: Persona) => {
  if (persona === "signedOut") return "";
  if (row.owner === "B" && persona === "owner") return world.cookies.ownerB;
  if (row.owner === "B" && persona === "otherInvited") return world.cookies.otherInvitedB;
  return world.cookies[persona];
};

const expectedOf = (cell: string) => cell.replace(":submitted", String(world.ids.submitted));
const refused = (outcome: string) => ["403", "404", "405", "500"].includes(outcome) || outcome.startsWith("redirect:/sign-in");

describe("R-20 every stage 3 route, as each person", () => {
  for (const row of ROUTES) {
    for (const method of ["GET", "POST"] as const) {
      it(`R-20 ${method} ${row.module}`, async () => {
        const route = (await import(/* @vite-ignore */ `../../app/routes/${row.module}.tsx`).catch(() => import(/* @vite-ignore */ `../../app/routes/${row.module}.ts`))) as {
          loader?: (args: object) => Promise<unknown>;
          action?: (args: object) => Promise<unknown>;
        };
        // Each person tries it on a fresh copy of the world's stage 3 state: later cells must not see earlier ones' changes.
        for (const [index, persona] of PERSONAS.entries()) {
          const expected = expectedOf(row[method][index]!);
          const before = await snapshot();
          const cookie = [world.csrf.cookie, personaCookie(row, persona)].filter(Boolean).join("; ");
          const url = `http://localhost${row.path(world)}`;
          const params = row.params?.(world) ?? {};
          const fn = method === "GET" ? route.loader : route.action;
          const observed = fn
            ? await observe(() =>
                fn({
                  request: method === "GET" ? new Request(url, { headers: { Cookie: cookie } }) : new Request(url, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams({ csrf: world.csrf.token, ...(row.form?.(world) ?? {}) }) }),
                  params,
                  context: {},
                }),
              )
            : { outcome: "405", body: "" };
          expect(observed.outcome, `${method} ${row.module} as ${persona}: ${observed.body.slice(0, 300)}`).toBe(expected);
          const mayReadOwners = persona === "owner" || persona === "manager";
          if (!mayReadOwners) expect(observed.body.includes(MARKER), `${persona} must not see the owner's answers`).toBe(false);
          const after = await snapshot();
          if (refused(observed.outcome)) expect(after, `${method} ${row.module} as ${persona} was refused but changed stage 3 state`).toBe(before);
          if (method === "GET") expect(after === before || row.module.includes("resume"), `GET ${row.module} as ${persona} changed state`).toBe(true);
          // Put the world back for the next person (the one allowed change is the owner's or manager's).
          if (after !== before) await restore(before);
        }
      });
    }
  }
});

/** Restores the stage 3 tables from a snapshot (the append-only ones are only ever added to). */
async function restore(snapshotText: string): Promise<void> {
  const tables = snapshotText.split("\n").map((json) => JSON.parse(json) as Array<Record<string, unknown>>);
  await db.transaction(async (trx) => {
    for (const [index, table] of STAGE3_TABLES.entries()) {
      const rows = tables[index]!;
      const keep = new Set(rows.map((r) => String(r.id)));
      const current = await trx(table).select("id");
      const extra = current.map((r) => r.id).filter((id) => !keep.has(String(id)));
      if (extra.length && (table === "application_versions" || table === "application_reviews")) {
        if (onPostgres) {
          await trx.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`);
          await trx(table).whereIn("id", extra).delete();
          await trx.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`);
        } else {
          await trx.raw(`DROP TRIGGER IF EXISTS ${table}_no_delete`);
          await trx(table).whereIn("id", extra).delete();
          await trx.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`);
        }
      } else if (extra.length) await trx(table).whereIn("id", extra).delete();
      const present = new Set(current.map((r) => String(r.id)));
      for (const row of rows) {
        if (!present.has(String(row.id))) await trx(table).insert(row); // e.g. a held form taken by /resume
        else if (table !== "application_versions" && table !== "application_reviews") await trx(table).where({ id: row.id }).update(row);
      }
    }
  });
}

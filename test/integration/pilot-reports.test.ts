import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileDatabaseUrl, onPostgres } from "../setup/db";

// R-61 Quarterly reports through the route modules (loader = GET, action = POST), as the pilot's
// officers, another authority's officer, an assessor and the programme manager, with the
// bad input the issue names: a report for a future quarter, a stale save. The routes read the
// database, clock and secret from the environment on first use, so it is set before any app module
// is loaded (imports below are dynamic); the clock moves by CLOCK_NOW.
const WORK = mkdtempSync(join(tmpdir(), "toolkit-reports-routes-"));
mkdirSync(join(WORK, "mail"), { recursive: true });
// Under `npm run test:pg` the routes use a PostgreSQL database of this file's own.
if (onPostgres) process.env.DATABASE_URL = await createFileDatabaseUrl();
else {
  process.env.DATABASE_FILE = join(WORK, "service.sqlite");
  delete process.env.DATABASE_URL;
}
process.env.CLOCK_NOW = "2009-11-16T10:00:00.000Z";
process.env.SESSION_SECRET = `reports-route-tests-${"r".repeat(32)}`;
process.env.MAIL_DIR = join(WORK, "mail");
process.env.OUTBOX_WORKER = "off";
process.env.REMINDERS_WORKER = "off";
delete process.env.SMTP_URL;

type Knex = import("knex").Knex;
type Persona = "officer" | "colleague" | "other" | "assessor" | "manager";
let db: Knex;
let cookies: Record<Persona, string>;
let csrf: { token: string; cookie: string };
let awardIds: { own: number; other: number };

const FULL = { progressA: "Drafted the report's first chapter.", progressB: "Held the first regional workshop in Durham.", progressC: "Twelve authorities joined the network.", progressD: "Baseline costs collected.", progressE: "Two change proposals sent.", progressF: "First data return made.", spend: "£12,345.50", risks: "The venue for March may fall through.", issues: "None." };

beforeAll(async () => {
  const { getDb } = await import("~/data/db.server");
  const { serviceCookies } = await import("~/auth/cookies.server");
  const { insertSession } = await import("~/data/sessions.server");
  const { makePilots } = await import("../factories/pilots");
  const { makeStaff } = await import("../factories/eois");
  db = getDb();
  await db.migrate.latest();
  const [own, other] = await makePilots(db, { pilots: [{ region: "North East", name: "Gateshead Council", officers: 2 }, { region: "London", type: "london borough", name: "London Borough of Camden" }] });
  const assessor = await makeStaff(db, "assessor");
  const users = { officer: own!.officers[0]!, colleague: own!.officers[1]!, other: other!.officers[0]!, assessor, manager: own!.manager };
  const cookieFor = async (userId: number) => (await serviceCookies().session.serialize(await insertSession(db, userId, new Date("2009-09-01T10:00:00Z"), 24 * 365))).split(";")[0]!;
  cookies = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([name, user]) => [name, await cookieFor(user.id)]))) as Record<Persona, string>;
  const token = "reports-csrf-token-0123456789abcdef";
  csrf = { token, cookie: (await serviceCookies().csrf.serialize(token)).split(";")[0]! };
  awardIds = { own: own!.awardId, other: other!.awardId };
});

afterAll(async () => {
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  rmSync(WORK, { recursive: true, force: true });
});

interface Outcome {
  status: number;
  location?: string;
  data?: Record<string, unknown>;
}

/** Calls a route module's loader (GET) or action (POST) as `persona`, at `clock`. */
async function call(module: string, persona: Persona, options: { params?: Record<string, string>; form?: Record<string, string>; search?: string; clock?: string } = {}): Promise<Outcome> {
  if (options.clock) process.env.CLOCK_NOW = options.clock;
  const route = await import(/* @vite-ignore */ `../../app/routes/${module}.tsx`);
  const url = `http://localhost/x${options.search ?? ""}`;
  const headers = { Cookie: `${csrf.cookie}; ${cookies[persona]}` };
  const request = options.form ? new Request(url, { method: "POST", headers, body: new URLSearchParams({ csrf: csrf.token, ...options.form }) }) : new Request(url, { headers });
  try {
    const value = await (options.form ? route.action : route.loader)({ request, params: options.params ?? {}, context: {} });
    if (value instanceof Response) return { status: value.status, location: value.headers.get("Location") ?? undefined };
    if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") return { status: (value as { init?: { status?: number } }).init?.status ?? 200, data: (value as { data: Record<string, unknown> }).data };
    return { status: 200, data: value as Record<string, unknown> };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") ?? undefined };
    throw thrown;
  }
}

const reportRow = (awardId: number, quarter: string) => db("quarterly_reports").where({ award_id: awardId, quarter }).first();

describe("R-61 quarterly reports through the routes", () => {
  it("R-20 the pilot's officers see their schedule; another authority's officer sees only their own pilot; an assessor is refused; the manager sees every pilot's reports", async () => {
    const list = await call("applicant.pilot.reports._index", "officer");
    expect(list.status).toBe(200);
    expect((list.data!.rows as Array<Record<string, unknown>>).map((r) => [r.quarter, r.due, (r.state as { label: string }).label])).toEqual([
      ["Q3 2009/10", "15 January 2010", "Quarter in progress"],
      ["Q4 2009/10", "16 April 2010", "Not started"],
    ]);
    expect((await call("applicant.pilot.reports._index", "other")).data!.authorityName).toBe("London Borough of Camden");
    expect((await call("applicant.pilot.reports._index", "assessor")).status).toBe(403);
    expect((await call("applicant.pilot.reports.$quarter._index", "assessor", { params: { quarter: "2009-10-q3" } })).status).toBe(403);
    expect((await call("manage.monitoring.reports._index", "officer")).status).toBe(403);
    expect((await call("manage.monitoring.reports._index", "assessor")).status).toBe(403);
    const managed = await call("manage.monitoring.reports._index", "manager");
    expect(new Set((managed.data!.rows as Array<{ authorityName: string }>).map((r) => r.authorityName))).toEqual(new Set(["Gateshead Council", "London Borough of Camden"]));
    // A quarter outside the pilot's timetable, or not a quarter at all, is not found.
    expect((await call("applicant.pilot.reports.$quarter._index", "officer", { params: { quarter: "2010-11-q1" } })).status).toBe(404);
    expect((await call("applicant.pilot.reports.$quarter._index", "officer", { params: { quarter: "../etc" } })).status).toBe(404);
  });

  it("R-61 R-73 a report for a future quarter is refused with a clear error, and nothing is saved", async () => {
    const page = await call("applicant.pilot.reports.$quarter._index", "officer", { params: { quarter: "2009-10-q4" }, clock: "2009-11-16T10:00:00Z" });
    expect(page.data!.editRefusal).toBe("You cannot start the report for Q4 2009/10 yet: the quarter begins on 1 January 2010");
    const post = await call("applicant.pilot.reports.$quarter._index", "officer", { params: { quarter: "2009-10-q4" }, form: { version: "0", intent: "save", ...FULL } });
    expect(post.status).toBe(400);
    expect((post.data!.errors as { errorList: Array<{ text: string }> }).errorList.map((e) => e.text)).toEqual(["You cannot start the report for Q4 2009/10 yet: the quarter begins on 1 January 2010"]);
    expect((post.data!.answers as { risks: string }).risks).toBe(FULL.risks); // what was typed comes back to the page
    expect(await reportRow(awardIds.own, "Q4 2009/10")).toBeUndefined();
  });

  it("R-30 R-61 R-73 two officers: a stale save is refused with who saved, nothing is overwritten, and what the second typed stays on the page", async () => {
    const first = await call("applicant.pilot.reports.$quarter._index", "officer", { params: { quarter: "2009-10-q3" }, form: { version: "0", intent: "save", progressA: "Officer one's words." }, clock: "2009-11-16T10:00:00Z" });
    expect(first).toMatchObject({ status: 302, location: "/applicant/pilot/reports/2009-10-q3?saved=1" });
    const stale = await call("applicant.pilot.reports.$quarter._index", "colleague", { params: { quarter: "2009-10-q3" }, form: { version: "0", intent: "save", progressA: "Officer two's words." } });
    expect(stale.status).toBe(409);
    const errors = (stale.data!.errors as { errorList: Array<{ text: string; href: string }> }).errorList;
    expect(errors[0]!.text).toMatch(/^Officer 1 of Gateshead Council saved this report at 10am on 16 November 2009, after you opened it. Your changes have not been saved yet/);
    expect((stale.data!.answers as { progress: { A: string } }).progress.A).toBe("Officer two's words.");
    expect(stale.data!.stale).toMatchObject({ version: 1, answers: { progress: { A: "Officer one's words." } } });
    const row = await reportRow(awardIds.own, "Q3 2009/10");
    expect([row.version, JSON.parse(row.answers_json).progress.A]).toEqual([1, "Officer one's words."]);
    // Saving again from the version now shown replaces it, deliberately.
    const again = await call("applicant.pilot.reports.$quarter._index", "colleague", { params: { quarter: "2009-10-q3" }, form: { version: "1", intent: "save", progressA: "Officer two's words." } });
    expect(again.status).toBe(302);
    expect(JSON.parse((await reportRow(awardIds.own, "Q3 2009/10")).answers_json).progress.A).toBe("Officer two's words.");
    expect(await db("audit_log").where({ entity_type: "quarterly_report" }).pluck("action")).toEqual(["report.started", "report.saved"]);
  });

  it("R-61 the current quarter's report cannot be submitted before the quarter ends; an incomplete one names what is missing", async () => {
    const version = String((await reportRow(awardIds.own, "Q3 2009/10")).version);
    const early = await call("applicant.pilot.reports.$quarter.check", "officer", { params: { quarter: "2009-10-q3" }, form: { version }, clock: "2009-12-31T16:00:00Z" });
    expect(early.status).toBe(400);
    expect((early.data!.errors as { errorList: Array<{ text: string }> }).errorList[0]!.text).toMatch(/^You can submit the report for Q3 2009\/10 from 1 January 2010, when the quarter has ended/);
    const incomplete = await call("applicant.pilot.reports.$quarter.check", "officer", { params: { quarter: "2009-10-q3" }, form: { version }, clock: "2010-01-04T10:00:00Z" });
    expect(incomplete.status).toBe(400);
    expect((incomplete.data!.errors as { errorList: Array<{ href: string }> }).errorList.map((e) => e.href)).toContain("/applicant/pilot/reports/2009-10-q3#progressB");
    expect((await reportRow(awardIds.own, "Q3 2009/10")).status).toBe("draft");
  });

  it("R-61 the whole cycle: submit, the manager queries (a question is required), the pilot answers and resubmits, the manager accepts; the trail, the audit and the emails", async () => {
    const q3 = { quarter: "2009-10-q3" };
    let version = String((await reportRow(awardIds.own, "Q3 2009/10")).version);
    expect(await call("applicant.pilot.reports.$quarter._index", "officer", { params: q3, form: { version, intent: "check", ...FULL }, clock: "2010-01-04T10:00:00Z" })).toMatchObject({ status: 302, location: "/applicant/pilot/reports/2009-10-q3/check" });
    version = String((await reportRow(awardIds.own, "Q3 2009/10")).version);
    expect(await call("applicant.pilot.reports.$quarter.check", "officer", { params: q3, form: { version } })).toMatchObject({ status: 302, location: "/applicant/pilot/reports/2009-10-q3?submitted=1" });
    const row = await reportRow(awardIds.own, "Q3 2009/10");
    expect([row.status, Number(row.spend_pence)]).toEqual(["submitted", 1_234_550]);
    // Submitted: read-only for the pilot; a second submission is refused.
    expect((await call("applicant.pilot.reports.$quarter._index", "officer", { params: q3, form: { version: String(row.version), intent: "save", ...FULL } })).status).toBe(400);

    const reportId = { reportId: String(row.id) };
    expect((await call("manage.monitoring.reports.$reportId", "officer", { params: reportId })).status).toBe(403);
    expect((await call("manage.monitoring.reports.$reportId", "manager", { params: { reportId: "99999" } })).status).toBe(404);
    const noQuestion = await call("manage.monitoring.reports.$reportId", "manager", { params: reportId, form: { version: String(row.version), decision: "query", comments: " " }, clock: "2010-01-06T10:00:00Z" });
    expect(noQuestion.status).toBe(400);
    expect((noQuestion.data!.errors as { fields: Record<string, string> }).fields.comments).toBe("Enter the question the pilot must answer");
    expect(await call("manage.monitoring.reports.$reportId", "manager", { params: reportId, form: { version: String(row.version), decision: "query", comments: "How many attended the Durham workshop?" } })).toMatchObject({ status: 302 });

    const queried = await call("applicant.pilot.reports.$quarter._index", "officer", { params: q3, clock: "2010-01-07T10:00:00Z" });
    expect(queried.data).toMatchObject({ status: "queried", query: "How many attended the Durham workshop?", editRefusal: null });
    version = String((await reportRow(awardIds.own, "Q3 2009/10")).version);
    const noAnswer = await call("applicant.pilot.reports.$quarter.check", "officer", { params: q3, form: { version, answer: "" } });
    expect((noAnswer.data!.errors as { fields: Record<string, string> }).fields.answer).toBe("Enter your answer to the programme team’s query");
    expect(await call("applicant.pilot.reports.$quarter.check", "colleague", { params: q3, form: { version, answer: "Forty-two officers from eleven authorities." } })).toMatchObject({ status: 302 });

    const resubmitted = await reportRow(awardIds.own, "Q3 2009/10");
    expect(await call("manage.monitoring.reports.$reportId", "manager", { params: reportId, form: { version: String(resubmitted.version), decision: "accept", comments: "" }, clock: "2010-01-08T10:00:00Z" })).toMatchObject({ status: 302, location: `/manage/monitoring/reports/${row.id}?decided=accept` });
    expect((await reportRow(awardIds.own, "Q3 2009/10")).status).toBe("accepted");
    // Accepting twice is refused.
    expect((await call("manage.monitoring.reports.$reportId", "manager", { params: reportId, form: { version: String(resubmitted.version + 1), decision: "accept", comments: "" } })).status).toBe(400);

    const trail = await db("report_reviews").where({ report_id: row.id }).orderBy("id").select("event", "comments");
    expect(trail).toEqual([
      { event: "submitted", comments: "" },
      { event: "queried", comments: "How many attended the Durham workshop?" },
      { event: "answered", comments: "Forty-two officers from eleven authorities." },
      { event: "submitted", comments: "" },
      { event: "accepted", comments: "" },
    ]);
    const page = await call("manage.monitoring.reports.$reportId", "manager", { params: reportId });
    expect((page.data!.reviews as unknown[]).length).toBe(5);
    expect(await db("audit_log").where({ entity_type: "quarterly_report", entity_id: String(row.id) }).orderBy("id").pluck("action")).toEqual(["report.started", "report.saved", "report.saved", "report.submitted", "report.queried", "report.resubmitted", "report.accepted"]);
    expect(await db("email_outbox").orderBy("id").pluck("subject")).toEqual([
      "Q3 2009/10 progress report received: Gateshead Council",
      "Query about your Q3 2009/10 progress report: Gateshead Council",
      "Q3 2009/10 progress report resubmitted: Gateshead Council",
      "Q3 2009/10 progress report accepted: Gateshead Council",
    ]);
  });

  it("R-61 the manager's list puts overdue reports first; the pilot's list flags its overdue report", async () => {
    const managed = await call("manage.monitoring.reports._index", "manager", { clock: "2010-01-20T10:00:00Z" });
    const rows = managed.data!.rows as Array<{ authorityName: string; quarter: string; state: { label: string } }>;
    expect(rows[0]).toMatchObject({ authorityName: "London Borough of Camden", quarter: "Q3 2009/10", state: { label: "Overdue" } });
    expect(rows.find((r) => r.authorityName === "Gateshead Council" && r.quarter === "Q3 2009/10")!.state.label).toBe("Accepted");
    expect(managed.data!.overdue).toBe(1);
    const theirs = await call("applicant.pilot.reports._index", "other");
    expect((theirs.data!.rows as Array<{ state: { label: string } }>)[0]!.state.label).toBe("Overdue");
  });
});

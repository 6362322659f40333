import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileDatabaseUrl, onPostgres } from "../setup/db";

// R-62 Grant claims through the route modules, as the pilot's officer, another authority's
// officer, an assessor and the programme manager, with the bad input the issue names:
// claims over the remaining award, dates outside the programme. Environment first (see
// pilot-reports.test.ts).
const WORK = mkdtempSync(join(tmpdir(), "toolkit-claims-routes-"));
mkdirSync(join(WORK, "mail"), { recursive: true });
// Under `npm run test:pg` the routes use a PostgreSQL database of this file's own.
if (onPostgres) process.env.DATABASE_URL = await createFileDatabaseUrl();
else {
  process.env.DATABASE_FILE = join(WORK, "service.sqlite");
  delete process.env.DATABASE_URL;
}
process.env.CLOCK_NOW = "2009-11-16T10:00:00.000Z";
process.env.SESSION_SECRET = `claims-route-tests-${"c".repeat(32)}`;
process.env.MAIL_DIR = join(WORK, "mail");
process.env.UPLOAD_DIR = join(WORK, "uploads");
process.env.OUTBOX_WORKER = "off";
delete process.env.SMTP_URL;

type Knex = import("knex").Knex;
type Persona = "officer" | "other" | "assessor" | "manager";
let db: Knex;
let cookies: Record<Persona, string>;
let csrf: { token: string; cookie: string };
let awardIds: { own: number; other: number };

beforeAll(async () => {
  const { getDb } = await import("~/data/db.server");
  const { serviceCookies } = await import("~/auth/cookies.server");
  const { insertSession } = await import("~/data/sessions.server");
  const { makePilots } = await import("../factories/pilots");
  const { makeStaff } = await import("../factories/eois");
  db = getDb();
  await db.migrate.latest();
  const [own, other] = await makePilots(db, { pilots: [{ region: "North East", name: "Gateshead Council", amountPence: 6_000_000 }, { region: "London", type: "london borough", name: "London Borough of Camden" }] });
  const assessor = await makeStaff(db, "assessor");
  const users = { officer: own!.officers[0]!, other: other!.officers[0]!, assessor, manager: own!.manager };
  const cookieFor = async (userId: number) => (await serviceCookies().session.serialize(await insertSession(db, userId, new Date("2009-09-01T10:00:00Z"), 24 * 365))).split(";")[0]!;
  cookies = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([name, user]) => [name, await cookieFor(user.id)]))) as Record<Persona, string>;
  const token = "claims-csrf-token-0123456789abcdef";
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

async function call(module: string, persona: Persona, options: { params?: Record<string, string>; form?: Record<string, string> | FormData; clock?: string } = {}): Promise<Outcome> {
  if (options.clock) process.env.CLOCK_NOW = options.clock;
  const route = await import(/* @vite-ignore */ `../../app/routes/${module}.tsx`);
  const headers = { Cookie: `${csrf.cookie}; ${cookies[persona]}` };
  let request: Request;
  if (options.form instanceof FormData) {
    options.form.set("csrf", csrf.token);
    request = new Request("http://localhost/x", { method: "POST", headers, body: options.form });
  } else if (options.form) request = new Request("http://localhost/x", { method: "POST", headers, body: new URLSearchParams({ csrf: csrf.token, ...options.form }) });
  else request = new Request("http://localhost/x", { headers });
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

const claimForm = (over: Record<string, string> = {}) => ({ amount: "£20,000", "periodStart-day": "1", "periodStart-month": "10", "periodStart-year": "2009", "periodEnd-day": "31", "periodEnd-month": "10", "periodEnd-year": "2009", evidence: "Invoices 2009/101–117 and the project officer's timesheets for October.", ...over });
const fields = (outcome: Outcome) => (outcome.data!.errors as { fields: Record<string, string> }).fields;
const claimsOf = (awardId: number) => db("grant_claims").where({ award_id: awardId }).orderBy("id").select("id", "amount_pence", "status");

describe("R-62 grant claims through the routes", () => {
  it("R-20 only the pilot's officers reach its claims; another authority's officer sees their own; an assessor is refused; the manager sees every pilot", async () => {
    expect((await call("applicant.pilot.claims._index", "officer")).data).toMatchObject({ authorityName: "Gateshead Council", award: "£60,000", remaining: "£60,000" });
    expect((await call("applicant.pilot.claims._index", "other")).data).toMatchObject({ authorityName: "London Borough of Camden" });
    for (const module of ["applicant.pilot.claims._index", "applicant.pilot.claims.new", "manage.monitoring.claims._index"]) expect((await call(module, "assessor")).status).toBe(403);
    expect((await call("applicant.pilot.claims.new", "assessor", { form: claimForm() })).status).toBe(403);
    expect((await call("manage.monitoring.claims._index", "officer")).status).toBe(403);
    const managed = await call("manage.monitoring.claims._index", "manager");
    expect((managed.data!.pilots as Array<{ authorityName: string }>).map((p) => p.authorityName).sort()).toEqual(["Gateshead Council", "London Borough of Camden"]);
  });

  it("R-62 R-73 dates outside the programme, in the future or back to front are refused, nothing is saved, and what was typed comes back", async () => {
    const before = await call("applicant.pilot.claims.new", "officer", { form: claimForm({ "periodStart-day": "31", "periodStart-month": "8" }) });
    expect(before.status).toBe(400);
    expect(fields(before)).toEqual({ periodStart: "The start of the claim period must be on or after 1 September 2009, when the pilot started" });
    expect((before.data!.errors as { errorList: Array<{ href: string }> }).errorList[0]!.href).toBe("#periodStart-day");
    expect((before.data!.values as { evidence: string }).evidence).toBe(claimForm().evidence);
    const after = await call("applicant.pilot.claims.new", "officer", { form: claimForm({ "periodEnd-day": "1", "periodEnd-month": "4", "periodEnd-year": "2010" }), clock: "2010-04-20T10:00:00Z" });
    expect(fields(after)).toEqual({ periodEnd: "The end of the claim period must be on or before 31 March 2010, when the programme ends" });
    const future = await call("applicant.pilot.claims.new", "officer", { form: claimForm({ "periodEnd-day": "30", "periodEnd-month": "11" }), clock: "2009-11-16T10:00:00Z" });
    expect(fields(future)).toEqual({ periodEnd: "The end of the claim period must be today or in the past: claim for costs already incurred" });
    const unreal = await call("applicant.pilot.claims.new", "officer", { form: claimForm({ "periodStart-day": "31", "periodStart-month": "9", amount: "" }) });
    expect(fields(unreal)).toEqual({ amount: "Enter the amount claimed", periodStart: "The date the claim period starts must be a real date" });
    expect(await claimsOf(awardIds.own)).toEqual([]);
  });

  it("R-62 R-73 claims are made up to the award; one over what remains (award − approved − pending) is refused, nothing saved", async () => {
    expect(await call("applicant.pilot.claims.new", "officer", { form: claimForm() })).toMatchObject({ status: 302, location: "/applicant/pilot/claims?claimed=1" });
    expect(await call("applicant.pilot.claims.new", "officer", { form: claimForm({ amount: "£30,000" }) })).toMatchObject({ status: 302 });
    const over = await call("applicant.pilot.claims.new", "officer", { form: claimForm({ amount: "£10,000.01" }) });
    expect(over.status).toBe(400);
    expect(fields(over)).toEqual({ amount: "The amount claimed must be £10,000 or less: that is what remains of the £60,000 grant (£0 approved, £50,000 waiting for a decision)" });
    expect((await claimsOf(awardIds.own)).map((c) => Number(c.amount_pence))).toEqual([2_000_000, 3_000_000]);
    expect((await call("applicant.pilot.claims._index", "officer")).data).toMatchObject({ approved: "£0", pending: "£50,000", remaining: "£10,000" });
    expect(await db("audit_log").where({ action: "claim.submitted" }).count({ n: "*" })).toEqual([{ n: 2 }]);
  });

  it("R-62 the manager approves one and rejects one (a reason is required); the pilot's totals, the audit and the emails follow", async () => {
    const [first, second] = await claimsOf(awardIds.own);
    expect((await call("manage.monitoring.claims.$claimId", "officer", { params: { claimId: String(first!.id) } })).status).toBe(403);
    expect((await call("manage.monitoring.claims.$claimId", "manager", { params: { claimId: "99999" } })).status).toBe(404);
    expect(await call("manage.monitoring.claims.$claimId", "manager", { params: { claimId: String(first!.id) }, form: { decision: "approve", reason: "" } })).toMatchObject({ status: 302, location: `/manage/monitoring/claims/${first!.id}?decided=1` });
    const noReason = await call("manage.monitoring.claims.$claimId", "manager", { params: { claimId: String(second!.id) }, form: { decision: "reject", reason: "" } });
    expect(fields(noReason)).toEqual({ reason: "Enter the reason for rejecting the claim" });
    expect(await call("manage.monitoring.claims.$claimId", "manager", { params: { claimId: String(second!.id) }, form: { decision: "reject", reason: "The invoices are for the 2008/09 workshops." } })).toMatchObject({ status: 302 });
    expect((await call("manage.monitoring.claims.$claimId", "manager", { params: { claimId: String(second!.id) }, form: { decision: "approve", reason: "" } })).status).toBe(400); // decided already
    expect((await claimsOf(awardIds.own)).map((c) => c.status)).toEqual(["approved", "rejected"]);
    expect((await call("applicant.pilot.claims._index", "officer")).data).toMatchObject({ approved: "£20,000", pending: "£0", remaining: "£40,000" });
    expect(await db("email_outbox").orderBy("id").pluck("subject")).toEqual(["Grant claim approved: Gateshead Council, £20,000", "Grant claim rejected: Gateshead Council, £30,000"]);
    expect((await db("email_outbox").orderBy("id").pluck("text_body"))[1]).toContain("The invoices are for the 2008/09 workshops.");
    expect(await db("audit_log").whereIn("action", ["claim.approved", "claim.rejected"]).orderBy("id").pluck("action")).toEqual(["claim.approved", "claim.rejected"]);
  });

  it("R-62 an optional evidence file is kept with the claim; a file of the wrong type is refused, and nothing is saved", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(claimForm({ amount: "£1,000" }))) form.set(name, value);
    form.set("evidenceFile", new File([new TextEncoder().encode("invoice,amount\n2009/118,1000\n")], "invoices.csv", { type: "text/csv" }));
    expect(await call("applicant.pilot.claims.new", "officer", { form })).toMatchObject({ status: 302 });
    const claim = await db("grant_claims").orderBy("id", "desc").first();
    const upload = await db("uploads").where({ id: claim.upload_id }).first();
    expect([upload.original_name, upload.award_id]).toEqual(["invoices.csv", awardIds.own]);
    const bad = new FormData();
    for (const [name, value] of Object.entries(claimForm({ amount: "£1,000" }))) bad.set(name, value);
    bad.set("evidenceFile", new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03])], "invoice.pdf", { type: "application/pdf" }));
    const refused = await call("applicant.pilot.claims.new", "officer", { form: bad });
    expect(refused.status).toBe(400);
    expect(fields(refused).evidenceFile).toBeTruthy();
    expect(await db("grant_claims").count({ n: "*" })).toEqual([{ n: 3 }]);
    expect(readdirSync(process.env.UPLOAD_DIR!).filter((name) => !name.endsWith(".partial"))).toHaveLength(1);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFileDatabaseUrl, onPostgres } from "../setup/db";
import * as files from "../factories/uploads";

// R-60 Outputs A–F through the route modules, as a browser would post them (multipart with a
// file, or urlencoded), on a real SQLite database, with files written to a real UPLOAD_DIR.
// The app reads its environment on first use, so it is set before any app module is imported.
const WORK = mkdtempSync(join(tmpdir(), "toolkit-outputs-"));
mkdirSync(join(WORK, "mail"), { recursive: true });
// Under `npm run test:pg` the routes use a PostgreSQL database of this file's own.
if (onPostgres) process.env.DATABASE_URL = await createFileDatabaseUrl();
else {
  process.env.DATABASE_FILE = join(WORK, "service.sqlite");
  delete process.env.DATABASE_URL;
}
process.env.CLOCK_NOW = "2009-11-16T10:00:00.000Z"; // mid-programme, Q3 2009/10
process.env.SESSION_SECRET = `outputs-route-tests-${"z".repeat(32)}`;
process.env.MAIL_DIR = join(WORK, "mail");
process.env.UPLOAD_DIR = join(WORK, "uploads");
process.env.OUTBOX_WORKER = "off";
delete process.env.SMTP_URL;

type Module = { loader?: (args: object) => Promise<unknown>; action?: (args: object) => Promise<unknown> };
let db: import("knex").Knex;
let cookies: { owner: string; colleague: string; other: string; manager: string; assessor: string };
let csrf: { token: string; cookie: string };
let awardId: number;
let otherAwardId: number;
const route = (name: string): Promise<Module> => import(/* @vite-ignore */ `../../app/routes/${name}`);

beforeAll(async () => {
  const { getDb } = await import("~/data/db.server");
  const { serviceCookies } = await import("~/auth/cookies.server");
  const { insertSession } = await import("~/data/sessions.server");
  const { makePilots } = await import("../factories/pilots");
  const { makeStaff } = await import("../factories/eois");
  db = getDb();
  await db.migrate.latest();
  const [owner, other] = await makePilots(db, { pilots: [{ region: "Yorkshire and the Humber", name: "Leeds City Council", officers: 2 }, { region: "London", name: "London Borough of Camden", type: "london borough" }] });
  awardId = owner!.awardId;
  otherAwardId = other!.awardId;
  const assessor = await makeStaff(db, "assessor");
  const now = new Date(process.env.CLOCK_NOW!);
  const cookieFor = async (userId: number) => (await serviceCookies().session.serialize(await insertSession(db, userId, now, 24 * 365))).split(";")[0]!;
  cookies = { owner: await cookieFor(owner!.officers[0]!.id), colleague: await cookieFor(owner!.officers[1]!.id), other: await cookieFor(other!.officers[0]!.id), manager: await cookieFor(owner!.manager.id), assessor: await cookieFor(assessor.id) };
  const token = "outputs-csrf-token-0123456789abcdef";
  csrf = { token, cookie: (await serviceCookies().csrf.serialize(token)).split(";")[0]! };
});

afterAll(async () => {
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  rmSync(WORK, { recursive: true, force: true });
});

beforeEach(() => {
  process.env.CLOCK_NOW = "2009-11-16T10:00:00.000Z";
});

/** A POST as a browser sends it: multipart when a file is given (the file input last), else urlencoded. */
function post(path: string, who: keyof typeof cookies, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }): Request {
  const headers = { Cookie: `${csrf.cookie}; ${cookies[who]}` };
  if (!file) return new Request(`http://localhost${path}`, { method: "POST", headers, body: new URLSearchParams({ csrf: csrf.token, ...fields }) });
  const form = new FormData();
  form.set("csrf", csrf.token);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set("evidenceFile", new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? "application/octet-stream" }));
  return new Request(`http://localhost${path}`, { method: "POST", headers, body: form });
}
const get = (path: string, who: keyof typeof cookies) => new Request(`http://localhost${path}`, { headers: { Cookie: `${csrf.cookie}; ${cookies[who]}` } });

/** The outcome of a loader or action: a redirect's path, a status, or data. */
async function run(fn: (() => Promise<unknown>) | undefined): Promise<{ status: number; location?: string; data?: any }> {
  try {
    const value = await fn!();
    if (value instanceof Response) return { status: value.status, location: value.headers.get("Location") ?? undefined };
    const init = value as { type?: string; data?: unknown; init?: ResponseInit | null };
    if (init?.type === "DataWithResponseInit") return { status: init.init?.status ?? 200, data: init.data };
    return { status: 200, data: value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") ?? undefined };
    throw thrown;
  }
}

async function counts() {
  const count = async (table: string) => Number((await db(table).count({ n: "*" }))[0]!.n);
  return { updates: await count("output_updates"), records: await count("output_records"), uploads: await count("uploads"), audit: await count("audit_log"), files: existsSync(process.env.UPLOAD_DIR!) ? readdirSync(process.env.UPLOAD_DIR!).length : 0 };
}

const outputPage = async () => route("applicant.pilot.outputs.$outputKey.tsx");

describe("R-60 outputs A–F through the routes", () => {
  it("R-60 the outputs page lists the six outputs with the plan's due dates; none started yet", async () => {
    const { loader } = await route("applicant.pilot.outputs._index.tsx");
    const seen = await run(() => loader!({ request: get("/applicant/pilot/outputs", "owner"), params: {}, context: {} }));
    expect(seen.status).toBe(200);
    expect(seen.data.outputs.map((o: { key: string; status: string }) => `${o.key} ${o.status}`)).toEqual(["A not-started", "B not-started", "C not-started", "D not-started", "E not-started", "F not-started"]);
    expect(seen.data.outputs[0].when).toBe("21 March 2010"); // the factory's plan: 10 days before the programme ends
  });

  it("R-60 an update with an evidence file: the file is checked by content, stored outside public/ with its sha256 and size, and shown to the pilot", async () => {
    const { action, loader } = await outputPage();
    const before = await counts();
    const bytes = files.pdf();
    const seen = await run(() => action!({ request: post("/applicant/pilot/outputs/A", "owner", { intent: "update", status: "complete", summary: "Our report on using the Toolkit is written and signed off.", evidenceLink: "" }, { name: "Toolkit report.pdf", bytes, type: "application/pdf" }), params: { outputKey: "A" }, context: {} }));
    expect(seen).toMatchObject({ status: 302, location: "/applicant/pilot/outputs/A?added=update#updates" });
    const after = await counts();
    expect(after).toEqual({ ...before, updates: before.updates + 1, uploads: before.uploads + 1, audit: before.audit + 1, files: before.files + 1 });
    const update = await db("output_updates").orderBy("id", "desc").first();
    expect(update).toMatchObject({ award_id: awardId, output_key: "A", status: "complete", evidence_link: null });
    const upload = await db("uploads").where({ id: update.upload_id }).first();
    expect(upload).toMatchObject({ award_id: awardId, original_name: "Toolkit report.pdf", content_type: "application/pdf", size_bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
    expect(upload.stored_name).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(join(process.env.UPLOAD_DIR!, upload.stored_name))).toEqual(bytes);
    const audit = await db("audit_log").orderBy("id", "desc").first();
    expect(audit).toMatchObject({ action: "output.update-added", entity_type: "output_update", entity_id: String(update.id) });
    const page = await run(() => loader!({ request: get("/applicant/pilot/outputs/A", "colleague"), params: { outputKey: "A" }, context: {} }));
    expect(page.data.output.status).toBe("complete");
    expect(page.data.updates[0]).toMatchObject({ status: "complete", file: { id: upload.id, name: "Toolkit report.pdf" } });
  });

  it("R-60 an update with a link; the latest update is the status, newest first", async () => {
    const { action, loader } = await outputPage();
    for (const [status, summary] of [["on-track", "Network launched with the nine pilots."], ["at-risk", "Two pilots have not joined yet."]] as const) {
      const seen = await run(() => action!({ request: post("/applicant/pilot/outputs/C", "owner", { intent: "update", status, summary, evidenceLink: "https://www.leeds.gov.uk/toolkit-network" }), params: { outputKey: "C" }, context: {} }));
      expect(seen.status).toBe(302);
    }
    const page = await run(() => loader!({ request: get("/applicant/pilot/outputs/C", "owner"), params: { outputKey: "C" }, context: {} }));
    expect(page.data.output.status).toBe("at-risk");
    expect(page.data.updates.map((u: { summary: string; evidenceLink: string }) => [u.summary, u.evidenceLink])).toEqual([
      ["Two pilots have not joined yet.", "https://www.leeds.gov.uk/toolkit-network"],
      ["Network launched with the nine pilots.", "https://www.leeds.gov.uk/toolkit-network"],
    ]);
  });

  it("R-60 a B event is recorded with its date, place, attendees and authorities reached, and listed", async () => {
    const { action, loader } = await outputPage();
    const before = await counts();
    const seen = await run(() =>
      action!({ request: post("/applicant/pilot/outputs/B", "owner", { intent: "record", "date-day": "12", "date-month": "11", "date-year": "2009", place: "Leeds Civic Hall", attendees: "40", authoritiesReached: "Bradford\nWakefield\nCalderdale" }), params: { outputKey: "B" }, context: {} }),
    );
    expect(seen).toMatchObject({ status: 302, location: "/applicant/pilot/outputs/B?added=record#records" });
    expect(await counts()).toEqual({ ...before, records: before.records + 1, audit: before.audit + 1 });
    const record = await db("output_records").orderBy("id", "desc").first();
    expect(record).toMatchObject({ award_id: awardId, output_key: "B", kind: "event" });
    expect(JSON.parse(record.data_json)).toEqual({ date: "2009-11-12", place: "Leeds Civic Hall", attendees: 40, authoritiesReached: 3, authorityNames: ["Bradford", "Wakefield", "Calderdale"] });
    const page = await run(() => loader!({ request: get("/applicant/pilot/outputs/B", "owner"), params: { outputKey: "B" }, context: {} }));
    expect(page.data.records.rows[0].cells).toEqual(["12 November 2009", "Leeds Civic Hall", "40", "3: Bradford, Wakefield, Calderdale"]);
  });

  it("R-20 another authority's officer cannot add to, or read, this pilot's outputs: they reach only their own pilot", async () => {
    const { action } = await outputPage();
    const before = await counts();
    // Posting to /applicant/pilot/outputs/B as Camden's officer adds to Camden's own pilot, never Leeds's.
    const seen = await run(() => action!({ request: post("/applicant/pilot/outputs/B", "other", { intent: "update", status: "on-track", summary: "Camden's own update." }), params: { outputKey: "B" }, context: {} }));
    expect(seen.status).toBe(302);
    expect((await db("output_updates").orderBy("id", "desc").first()).award_id).toBe(otherAwardId);
    expect(await db("output_updates").where({ award_id: awardId, summary: "Camden's own update." })).toEqual([]);
    expect((await counts()).updates).toBe(before.updates + 1);
    // Nobody but an officer may post at all; and an officer whose authority runs no pilot gets 404 (matrix).
    for (const who of ["manager", "assessor"] as const) {
      const refused = await run(() => action!({ request: post("/applicant/pilot/outputs/B", who, { intent: "update", status: "on-track", summary: "x" }), params: { outputKey: "B" }, context: {} }));
      expect(refused.status, who).toBe(403);
    }
    const unknown = await run(() => action!({ request: post("/applicant/pilot/outputs/G", "owner", { intent: "update", status: "on-track", summary: "x" }), params: { outputKey: "G" }, context: {} }));
    expect(unknown.status).toBe(404);
  });

  describe("bad input: a clear error naming the field, the answers kept, nothing stored", () => {
    const cases: Array<[string, Record<string, string>, { name: string; bytes: Uint8Array } | undefined, string, string]> = [
      ["a PNG named .pdf", { status: "on-track", summary: "Photos of the event." }, { name: "photos.pdf", bytes: files.png() }, "evidenceFile", "The selected evidence file's name does not match what it contains"],
      ["a program renamed .pdf", { status: "on-track", summary: "Our report." }, { name: "report.pdf", bytes: files.exe() }, "evidenceFile", "The selected evidence file must be a PDF, Word, Excel, OpenDocument, CSV, PNG or JPEG"],
      ["an empty file", { status: "on-track", summary: "Our report." }, { name: "report.pdf", bytes: new Uint8Array(0) }, "evidenceFile", "The selected evidence file is empty"],
      ["a file of 10MB and one byte", { status: "on-track", summary: "Our report." }, { name: "report.pdf", bytes: Buffer.concat([files.pdf(), Buffer.alloc(10 * 1024 * 1024 + 1 - files.pdf().length, 0x20)]) }, "evidenceFile", "The selected evidence file must be smaller than 10MB"],
      ["complete without evidence", { status: "complete", summary: "Done." }, undefined, "evidenceLink", "An output marked complete needs evidence"],
      ["an http link", { status: "on-track", summary: "See the page.", evidenceLink: "http://www.example.gov.uk/page" }, undefined, "evidenceLink", "The link must start with https://"],
      ["no status and no words", { status: "", summary: "" }, undefined, "status", "Select the output's status"],
    ];
    it.each(cases)("R-60 an update with %s is refused", async (_, fields, file, field, message) => {
      const { action } = await outputPage();
      const before = await counts();
      const seen = await run(() => action!({ request: post("/applicant/pilot/outputs/D", "owner", { intent: "update", evidenceLink: "", ...fields }, file), params: { outputKey: "D" }, context: {} }));
      expect(seen.status).toBe(400);
      const errors = new Map<string, string>(seen.data.errors);
      expect(errors.get(field)).toContain(message);
      expect(seen.data.values.summary).toBe(fields.summary);
      expect(await counts()).toEqual(before);
    });

    it("R-60 an update with a wrong file and a good link is refused whole: neither is kept", async () => {
      const { action } = await outputPage();
      const before = await counts();
      const seen = await run(() => action!({ request: post("/applicant/pilot/outputs/D", "owner", { intent: "update", status: "on-track", summary: "Figures attached.", evidenceLink: "https://www.example.gov.uk/figures" }, { name: "figures.xlsx", bytes: files.docx() }), params: { outputKey: "D" }, context: {} }));
      expect(seen.status).toBe(400);
      expect(await counts()).toEqual(before);
    });

    const recordCases: Array<[string, string, Record<string, string>, string, string]> = [
      ["B an event in the future", "B", { "date-day": "17", "date-month": "11", "date-year": "2009", place: "York", attendees: "10", authoritiesReached: "2" }, "date-day", "The date of the event must be today or in the past"],
      ["B an event before the pilot started", "B", { "date-day": "31", "date-month": "8", "date-year": "2009", place: "York", attendees: "10", authoritiesReached: "2" }, "date-day", "on or after 1 September 2009"],
      ["B attendees not a whole number", "B", { "date-day": "2", "date-month": "11", "date-year": "2009", place: "York", attendees: "ten", authoritiesReached: "2" }, "attendees", "must be a whole number"],
      ["C a member without a name", "C", { name: "", organisation: "Wakefield Council", role: "Officer", "joinedOn-day": "1", "joinedOn-month": "10", "joinedOn-year": "2009" }, "name", "Enter the member's name"],
      ["D a cost that is not money", "D", { description: "Workshops", cost: "lots", staffHours: "3" }, "cost", "Enter the cost in pounds and pence"],
      ["E no theme", "E", { theme: "", section: "", proposal: "Shorter pledge guidance.", rationale: "Officers found it long." }, "theme", "Select the part of the Toolkit"],
      ["F a period outside the programme", "F", { period: "Q1 2012/13", description: "Survey results.", "sentOn-day": "2", "sentOn-month": "11", "sentOn-year": "2009" }, "period", "Select a quarter of the programme"],
    ];
    it.each(recordCases)("R-60 a record: %s is refused", async (_, outputKey, fields, field, message) => {
      const { action } = await outputPage();
      const before = await counts();
      const seen = await run(() => action!({ request: post(`/applicant/pilot/outputs/${outputKey}`, "owner", { intent: "record", ...fields }), params: { outputKey }, context: {} }));
      expect(seen.status).toBe(400);
      expect(new Map<string, string>(seen.data.errors).get(field)).toContain(message);
      expect(seen.data.values).toMatchObject(fields);
      expect(await counts()).toEqual(before);
    });

    it("output A keeps no records", async () => {
      const { action } = await outputPage();
      const seen = await run(() => action!({ request: post("/applicant/pilot/outputs/A", "owner", { intent: "record", place: "x" }), params: { outputKey: "A" }, context: {} }));
      expect(seen.status).toBe(404);
    });
  });

  it("R-60 an output not complete by its due date shows as late, whatever its last update said, on the pilot's and the manager's pages", async () => {
    const { action } = await outputPage();
    await run(() => action!({ request: post("/applicant/pilot/outputs/F", "owner", { intent: "update", status: "on-track", summary: "First return sent." }), params: { outputKey: "F" }, context: {} }));
    process.env.CLOCK_NOW = "2010-02-01T10:00:00.000Z"; // F was due 30 January 2010 (the factory's plan)
    const { loader } = await route("applicant.pilot.outputs._index.tsx");
    const overview = await run(() => loader!({ request: get("/applicant/pilot/outputs", "owner"), params: {}, context: {} }));
    const f = overview.data.outputs.find((o: { key: string }) => o.key === "F");
    expect(f).toMatchObject({ when: "30 January 2010", latestStatus: "on-track", status: "late", lateByDate: true, tagClass: "govuk-tag--red" });
    expect(overview.data.outputs.find((o: { key: string }) => o.key === "A").status).toBe("complete");
    const manager = await route("manage.monitoring.pilots.$awardId.outputs._index.tsx");
    const view = await run(() => manager.loader!({ request: get(`/manage/monitoring/pilots/${awardId}/outputs`, "manager"), params: { awardId: String(awardId) }, context: {} }));
    expect(view.data.outputs.map((o: { output: { status: string } }) => o.output.status)).toEqual(["complete", "not-started", "at-risk", "not-started", "not-started", "late"]);
    expect(view.data.outputs[1].records.rows).toHaveLength(1);
  });
});

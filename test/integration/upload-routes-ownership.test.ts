import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileDatabaseUrl, onPostgres } from "../setup/db";
import * as files from "../factories/uploads";

// R-20 R-60 R-62 R-63 (issue 9, security): the three forms that take a file — an output's update,
// a claim, a piece of CSE evidence — ask who is posting and whose pilot it is before they read the
// body. Someone signed out, someone of another role, an officer whose authority runs no pilot (or
// no CSE pilot) is refused without a byte of their multipart body being read, so their file never
// reaches memory, UPLOAD_DIR or the uploads table; the pilot's own officer still adds theirs. Each
// POST goes to the route's action as a real multipart Request whose body is a stream that counts
// what is read from it. Environment first (see pilot-reports.test.ts).
const WORK = mkdtempSync(join(tmpdir(), "toolkit-upload-ownership-"));
mkdirSync(join(WORK, "mail"), { recursive: true });
// Under `npm run test:pg` the routes use a PostgreSQL database of this file's own.
if (onPostgres) process.env.DATABASE_URL = await createFileDatabaseUrl();
else {
  process.env.DATABASE_FILE = join(WORK, "service.sqlite");
  delete process.env.DATABASE_URL;
}
process.env.CLOCK_NOW = "2009-11-16T10:00:00.000Z";
process.env.SESSION_SECRET = `upload-ownership-tests-${"o".repeat(32)}`;
process.env.MAIL_DIR = join(WORK, "mail");
process.env.UPLOAD_DIR = join(WORK, "uploads");
process.env.OUTBOX_WORKER = "off";
delete process.env.SMTP_URL;

type Who = "owner" | "noCsePilot" | "noPilot" | "manager" | "signedOut";
let db: import("knex").Knex;
let cookies: Record<Exclude<Who, "signedOut">, string>;
let csrf: { token: string; cookie: string };

beforeAll(async () => {
  const { getDb } = await import("~/data/db.server");
  const { serviceCookies } = await import("~/auth/cookies.server");
  const { insertSession } = await import("~/data/sessions.server");
  const { makePilots } = await import("../factories/pilots");
  const { makeStaff } = await import("../factories/eois");
  const { makeAuthority } = await import("../factories/users");
  db = getDb();
  await db.migrate.latest();
  const [owner, other] = await makePilots(db, { pilots: [{ region: "South West", name: "Cornwall Council", focusArea: "cse" }, { region: "North West", name: "Manchester City Council", focusArea: "redundancy" }] });
  const noPilot = await makeStaff(db, "applicant", "Nina No-Pilot", (await makeAuthority(db, { name: "Rutland County Council" })).id);
  const now = new Date(process.env.CLOCK_NOW!);
  const cookieFor = async (userId: number) => (await serviceCookies().session.serialize(await insertSession(db, userId, now, 12))).split(";")[0]!;
  cookies = { owner: await cookieFor(owner!.officers[0]!.id), noCsePilot: await cookieFor(other!.officers[0]!.id), noPilot: await cookieFor(noPilot.id), manager: await cookieFor(owner!.manager.id) };
  // Everyone carries a valid CSRF pair: only who they are stands between them and the form.
  const token = "upload-ownership-csrf-0123456789abcdef";
  csrf = { token, cookie: (await serviceCookies().csrf.serialize(token)).split(";")[0]! };
});

afterAll(async () => {
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  rmSync(WORK, { recursive: true, force: true });
});

/** A valid PDF of about 1 MB (padded with PDF comment lines), so that its body is many chunks. */
const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from(`%${"p".repeat(1022)}\n`.repeat(1024)), files.pdf().subarray("%PDF-1.4\n".length)]);

interface Form {
  route: string;
  path: string;
  params: Record<string, string>;
  fields: Record<string, string>;
  fileField: string;
  /** Where the owner's POST goes once it has worked. */
  done: RegExp;
}

const FORMS: Form[] = [
  { route: "applicant.pilot.outputs.$outputKey", path: "/applicant/pilot/outputs/E", params: { outputKey: "E" }, fields: { intent: "update", status: "on-track", summary: "The pledge section is drafted.", evidenceLink: "" }, fileField: "evidenceFile", done: /^\/applicant\/pilot\/outputs\/E\?added=update/ },
  {
    route: "applicant.pilot.claims.new",
    path: "/applicant/pilot/claims/new",
    params: {},
    fields: { amount: "£2,000", "periodStart-day": "1", "periodStart-month": "10", "periodStart-year": "2009", "periodEnd-day": "31", "periodEnd-month": "10", "periodEnd-year": "2009", evidence: "Invoices 2009/101–117." },
    fileField: "evidenceFile",
    done: /^\/applicant\/pilot\/claims\?claimed=1$/,
  },
  { route: "applicant.pilot.cse.$elementId", path: "/applicant/pilot/cse/1.1.1", params: { elementId: "1.1.1" }, fields: { intent: "add", evidence: "Customer insight report 2009.", link: "" }, fileField: "file", done: /^\/applicant\/pilot\/cse\/1\.1\.1$/ },
];

/** POSTs the form with a file as the person; returns the status (and Location) and how many bytes of the body were read. */
async function post(form: Form, who: Who): Promise<{ outcome: string; bytesRead: number; bodyBytes: number }> {
  const data = new FormData();
  data.set("csrf", csrf.token);
  for (const [name, value] of Object.entries(form.fields)) data.set(name, value);
  data.set(form.fileField, new File([PDF], "report.pdf", { type: "application/pdf" })); // the file comes last, as on the page
  const encoded = new Response(data);
  const body = new Uint8Array(await encoded.arrayBuffer());
  let bytesRead = 0;
  const CHUNK = 64 * 1024;
  // highWaterMark 0: nothing is pulled from the stream until someone reads the request's body.
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (bytesRead >= body.length) return controller.close();
        const chunk = body.subarray(bytesRead, bytesRead + CHUNK);
        bytesRead += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  const headers: Record<string, string> = { "Content-Type": encoded.headers.get("Content-Type")!, Cookie: [csrf.cookie, ...(who === "signedOut" ? [] : [cookies[who]])].join("; ") };
  const request = new Request(`http://localhost${form.path}`, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
  const { action } = (await import(/* @vite-ignore */ `../../app/routes/${form.route}.tsx`)) as { action: (args: object) => Promise<unknown> };
  let answer: unknown;
  try {
    answer = await action({ request, params: form.params, context: {} });
  } catch (thrown) {
    answer = thrown;
  }
  if (!(answer instanceof Response)) throw new Error(`${form.route} as ${who} answered ${JSON.stringify(answer)}`);
  const location = answer.headers.get("Location");
  return { outcome: location ? `${answer.status} ${location}` : String(answer.status), bytesRead, bodyBytes: body.length };
}

const storedFiles = () => readdirSync(process.env.UPLOAD_DIR!, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
const uploadRows = async () => Number((await db("uploads").count({ n: "*" }))[0]!.n);

describe("R-20 R-60 a file form refuses a stranger before reading the body", () => {
  it.each(FORMS)("$route: signed out, another role, no pilot or no CSE pilot are refused unread; nothing is stored", async (form) => {
    mkdirSync(process.env.UPLOAD_DIR!, { recursive: true });
    const filesBefore = storedFiles();
    const rowsBefore = await uploadRows();
    const strangers: Array<{ who: Who; outcome: string | RegExp }> = [
      { who: "signedOut", outcome: new RegExp(`^302 /sign-in\\?returnTo=${encodeURIComponent(form.path).replace(/\./g, "\\.")}$`) },
      { who: "manager", outcome: "403" },
      { who: "noPilot", outcome: "404" },
      // An officer of a pilot that does not work on CSE has outputs and claims of their own, but no CSE elements.
      ...(form.route.includes(".cse.") ? [{ who: "noCsePilot" as const, outcome: "404" }] : []),
    ];
    for (const { who, outcome } of strangers) {
      const answer = await post(form, who);
      if (typeof outcome === "string") expect(answer.outcome, who).toBe(outcome);
      else expect(answer.outcome, who).toMatch(outcome);
      expect(answer.bytesRead, `bytes of ${who}'s ${answer.bodyBytes}-byte body read`).toBe(0);
    }
    expect(storedFiles()).toEqual(filesBefore);
    expect(await uploadRows()).toBe(rowsBefore);
  });

  it.each(FORMS)("$route: the pilot's own officer's file is read whole, stored under UPLOAD_DIR and recorded", async (form) => {
    const filesBefore = storedFiles().length;
    const rowsBefore = await uploadRows();
    const answer = await post(form, "owner");
    expect(answer.outcome).toMatch(new RegExp(`^302 ${form.done.source.slice(1)}`));
    expect(answer.bytesRead).toBe(answer.bodyBytes);
    expect(storedFiles()).toHaveLength(filesBefore + 1);
    expect(await uploadRows()).toBe(rowsBefore + 1);
    const row = (await db("uploads").orderBy("id", "desc").first()) as { size_bytes: number | string; original_name: string };
    expect({ size: Number(row.size_bytes), name: row.original_name }).toEqual({ size: PDF.length, name: "report.pdf" });
  });
});

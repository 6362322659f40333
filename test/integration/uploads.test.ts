import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileDatabaseUrl, onPostgres } from "../setup/db";
import * as files from "../factories/uploads";

// R-60 R-20 Evidence files: served only to the pilot's own officers and the programme manager,
// always as an attachment with the type detected on upload and nosniff; the multipart form is
// CSRF-checked like any other; a file's bytes are never all kept when it is too large.
const WORK = mkdtempSync(join(tmpdir(), "toolkit-uploads-"));
mkdirSync(join(WORK, "mail"), { recursive: true });
// Under `npm run test:pg` the routes use a PostgreSQL database of this file's own.
if (onPostgres) process.env.DATABASE_URL = await createFileDatabaseUrl();
else {
  process.env.DATABASE_FILE = join(WORK, "service.sqlite");
  delete process.env.DATABASE_URL;
}
process.env.CLOCK_NOW = "2009-11-16T10:00:00.000Z";
process.env.SESSION_SECRET = `uploads-route-tests-${"u".repeat(32)}`;
process.env.MAIL_DIR = join(WORK, "mail");
process.env.UPLOAD_DIR = join(WORK, "uploads");
process.env.OUTBOX_WORKER = "off";
delete process.env.SMTP_URL;

type Module = { loader?: (args: object) => Promise<unknown>; action?: (args: object) => Promise<unknown> };
type Who = "owner" | "colleague" | "other" | "manager" | "assessor" | "signedOut";
let db: import("knex").Knex;
let cookies: Record<Exclude<Who, "signedOut">, string>;
let csrf: { token: string; cookie: string };
let uploadId: number;
const route = (name: string): Promise<Module> => import(/* @vite-ignore */ `../../app/routes/${name}`);
const ODT = files.odt();

beforeAll(async () => {
  const { getDb } = await import("~/data/db.server");
  const { serviceCookies } = await import("~/auth/cookies.server");
  const { insertSession } = await import("~/data/sessions.server");
  const { makePilots } = await import("../factories/pilots");
  const { makeStaff } = await import("../factories/eois");
  const { addOutputUpdate } = await import("~/services/pilot-outputs.server");
  db = getDb();
  await db.migrate.latest();
  const [owner, other] = await makePilots(db, { pilots: [{ region: "South West", name: "Cornwall Council", officers: 2 }, { region: "North West", name: "Manchester City Council" }] });
  const now = new Date(process.env.CLOCK_NOW!);
  const cookieFor = async (userId: number) => (await serviceCookies().session.serialize(await insertSession(db, userId, now, 12))).split(";")[0]!;
  cookies = { owner: await cookieFor(owner!.officers[0]!.id), colleague: await cookieFor(owner!.officers[1]!.id), other: await cookieFor(other!.officers[0]!.id), manager: await cookieFor(owner!.manager.id), assessor: await cookieFor((await makeStaff(db, "assessor")).id) };
  const token = "uploads-csrf-token-0123456789abcdef";
  csrf = { token, cookie: (await serviceCookies().csrf.serialize(token)).split(";")[0]! };
  const result = await addOutputUpdate(db, { user: owner!.officers[0]!, outputKey: "E", values: { status: "on-track", summary: "Our notes on the pledge section.", evidenceLink: "" }, file: { name: "Pledge – notes “draft”.odt", bytes: ODT }, now });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  uploadId = Number((await db("output_updates").where({ id: result.id }).first()).upload_id);
});

afterAll(async () => {
  await globalThis.__serviceDb?.destroy();
  globalThis.__serviceDb = undefined;
  rmSync(WORK, { recursive: true, force: true });
});

async function download(path: "applicant" | "manage", who: Who, id = String(uploadId)): Promise<Response> {
  const module = await route(path === "applicant" ? "applicant.pilot.files.$uploadId.ts" : "manage.monitoring.files.$uploadId.ts");
  const url = path === "applicant" ? `http://localhost/applicant/pilot/files/${id}` : `http://localhost/manage/monitoring/files/${id}`;
  const headers: Record<string, string> = who === "signedOut" ? {} : { Cookie: cookies[who] };
  try {
    return (await module.loader!({ request: new Request(url, { headers }), params: { uploadId: id }, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("R-60 R-20 evidence files", () => {
  it("the pilot's officers download a file as an attachment, with the detected type and nosniff", async () => {
    for (const who of ["owner", "colleague"] as const) {
      const response = await download("applicant", who);
      expect(response.status, who).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/vnd.oasis.opendocument.text");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="Pledge _ notes _draft_.odt"; filename*=UTF-8''${encodeURIComponent("Pledge – notes “draft”.odt")}`);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(Buffer.from(await response.arrayBuffer())).toEqual(ODT);
    }
  });

  it("the programme manager downloads any pilot's file the same way", async () => {
    const response = await download("manage", "manager");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; /);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(ODT);
  });

  it("R-20 nobody else gets it: another pilot's officer 404, staff on the officers' address 403, officers on the manager's 403, signed out to sign in", async () => {
    expect((await download("applicant", "other")).status).toBe(404);
    expect((await download("applicant", "manager")).status).toBe(403);
    expect((await download("applicant", "assessor")).status).toBe(403);
    expect((await download("manage", "owner")).status).toBe(403);
    expect((await download("manage", "assessor")).status).toBe(403);
    const signedOut = await download("applicant", "signedOut");
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/sign-in\?returnTo=/);
    expect((await download("applicant", "owner", "999999")).status).toBe(404);
    expect((await download("manage", "manager", "999999")).status).toBe(404);
    expect((await download("applicant", "owner", "../../etc/passwd")).status).toBe(404);
  });

  it("a multipart form without its CSRF token is refused (403) and nothing is stored", async () => {
    const { action } = await route("applicant.pilot.outputs.$outputKey.tsx");
    const form = new FormData();
    form.set("intent", "update");
    form.set("status", "on-track");
    form.set("summary", "Forged.");
    form.set("evidenceFile", new File([files.pdf()], "report.pdf"));
    const before = await db("uploads").count({ n: "*" });
    const thrown = await action!({ request: new Request("http://localhost/applicant/pilot/outputs/E", { method: "POST", headers: { Cookie: `${csrf.cookie}; ${cookies.owner}` }, body: form }), params: { outputKey: "E" }, context: {} }).catch((error) => error);
    expect((thrown as Response).status).toBe(403);
    expect(await db("uploads").count({ n: "*" })).toEqual(before);
  });

  it("the upload handler keeps at most 10MB and one byte of a file, however large, and reads every field before it", async () => {
    const { evidenceUploadHandler } = await import("~/services/uploads.server");
    const chunk = new Uint8Array(1024 * 1024);
    async function* twentyMegabytes() {
      for (let i = 0; i < 20; i += 1) yield chunk;
    }
    const file = (await evidenceUploadHandler({ name: "evidenceFile", filename: "big.pdf", contentType: "application/pdf", data: twentyMegabytes() })) as File;
    expect(file.size).toBe(10 * 1024 * 1024 + 1);
    async function* nothing() {}
    expect(await evidenceUploadHandler({ name: "evidenceFile", filename: "", contentType: "application/octet-stream", data: nothing() })).toBeUndefined();
  });
});

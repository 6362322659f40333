import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "../../emails/layout";
import { enqueueEmail } from "../../emails/outbox.server";
import { prepareRushWorld, type RushOfficer } from "../../scripts/bench-rush";
import { openDatabase, serverBuild, startServer, type RunningServer } from "../setup/server";

// Issue 9 item 5, "a read-only database file gives a clear error page, not a crash loop". Two
// ways it happens, each with the server as an unprivileged user (root ignores file modes):
//   - the SQLite file (0444) and its directory (0555) cannot be written: a disk remounted
//     read-only, or a volume mounted read-only by mistake;
//   - only the file (0444) cannot be written: a restore or a copy with the wrong owner or mode.
// The outbox worker runs, with an email waiting. Reads may work; every write must end in a GOV.UK
// error page that says what happened, the process must stay up, and nothing raw (a stack, an
// SQLite message) may reach the officer.

// Root ignores file modes: as root, the server runs as nobody; otherwise as the current user.
const AS = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
// nobody must be able to reach Node and the project's node_modules (not so under a 0700 home).
const cannotRun =
  "uid" in AS &&
  spawnSync(process.execPath, ["-e", `require("fs").accessSync(${JSON.stringify(resolve("node_modules/@remix-run/serve/dist/cli.js"))})`], { ...AS, stdio: "ignore" }).status !== 0;

const h1Of = (html: string) => html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1]?.replace(/<[^>]+>/g, "").trim() ?? null;
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
/** Anything of the failure itself on the page: an SQLite message, an error class, a stack frame. */
const isRaw = (html: string) => /SQLITE_|SqliteError|readonly database|attempt to write|at [\w.$<>]+ \(|node_modules|\/build\/server/i.test(textOf(html));

if (cannotRun) console.warn("faults-readonly: skipped — as root the server must run as nobody, and nobody cannot read this checkout's node_modules");

const scenarios = [
  { name: "file 0444 and directory 0555", fileMode: 0o444, dirMode: 0o555 },
  { name: "file 0444 in a writable directory", fileMode: 0o444, dirMode: 0o777 },
];

for (const scenario of scenarios) {
  describe.skipIf(cannotRun)(`R-73 faults: a read-only database (${scenario.name})`, () => {
    let dir: string;
    let server: RunningServer;
    let officer: RushOfficer;
    const seen: Record<string, { status: number; h1: string | null; text: string; raw: boolean }> = {};

    async function visit(name: string, path: string, init: RequestInit = {}) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual", ...init, headers: { Cookie: officer.session.cookie, ...(init.headers ?? {}) } });
      const html = await response.text();
      seen[name] = { status: response.status, h1: h1Of(html), text: textOf(html).slice(0, 400), raw: isRaw(html) };
      return seen[name]!;
    }

    beforeAll(async () => {
      const buildDir = await serverBuild();
      dir = mkdtempSync(join(tmpdir(), "toolkit-readonly-"));
      const dataDir = join(dir, "data");
      mkdirSync(dataDir);
      const databaseFile = join(dataDir, "service.sqlite");
      const db = await openDatabase(databaseFile);
      [{ officers: [officer] }] = await prepareRushWorld(db, { authorities: 1 });
      const round = await db("rounds").orderBy("id", "desc").first("id");
      const now = new Date();
      const { authority_id: authorityId } = await db("users").where({ id: officer.userId }).first("authority_id");
      await db("eois").insert({ round_id: round.id, authority_id: authorityId, status: "draft", created_by: officer.userId, created_at: now.toISOString(), updated_at: now.toISOString() });
      await enqueueEmail(db, { ...renderEmail("Waiting to be sent", [{ kind: "paragraph", text: "Queued before the disk went read-only." }]), to: "officer@example.gov.uk", template: "test", now });
      await db.destroy(); // a clean close checkpoints the WAL and removes -wal and -shm
      chmodSync(dir, 0o755);
      chmodSync(databaseFile, scenario.fileMode);
      chmodSync(dataDir, scenario.dirMode);
      server = await startServer({
        buildDir,
        databaseFile,
        ...AS,
        waitFor: "listening",
        env: { OUTBOX_WORKER: "on", OUTBOX_INTERVAL_MS: "200", MAIL_DIR: join(dir, "mail") },
      });
      // What the service does with it: the health check, pages that only read, then writes.
      await visit("GET /healthz", "/healthz");
      await visit("GET /applicant/eoi (read)", "/applicant/eoi");
      await visit("GET /applicant/eoi/leadership/1 (read)", "/applicant/eoi/leadership/1");
      const form = new URLSearchParams({ csrf: officer.session.csrf, intent: "save", sectionVersion: "0", leadership: "Typed while the disk was read-only." });
      await visit("POST /applicant/eoi/leadership/1 (write)", "/applicant/eoi/leadership/1", { method: "POST", body: form, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      await visit("POST /sign-in (write)", "/sign-in", { method: "POST", body: new URLSearchParams({ csrf: officer.session.csrf, email: officer.email, password: "wrong password" }), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      await new Promise((r) => setTimeout(r, 1_000)); // a few outbox worker runs
      const log = server.output().split("\n");
      console.log(
        `read-only database (${scenario.name}):`,
        JSON.stringify(Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, `${v.status} ${v.h1 ?? v.text.slice(0, 80)}`])), null, 2),
        `\nserver log: ${log.length} lines; errors: ${[...new Set(log.map((l) => l.match(/code: '(\w+)'/)?.[1]).filter(Boolean))].join(", ")}`,
      );
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      if (dir) {
        for (const path of [join(dir, "data"), dir]) if (existsSync(path)) chmodSync(path, 0o755);
        if (existsSync(join(dir, "data"))) for (const name of readdirSync(join(dir, "data"))) chmodSync(join(dir, "data", name), 0o644);
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("the server stays up: no crash, so no crash loop under a supervisor", () => {
      expect(server.alive(), server.output().slice(-2000)).toBe(true);
    });

    it("a save that cannot be written gives a clear GOV.UK error page: 503, nothing raw, no claim that nothing was lost", () => {
      const save = seen["POST /applicant/eoi/leadership/1 (write)"]!;
      expect(save.raw, save.text).toBe(false);
      expect(save.h1, save.text).toMatch(/^Sorry, /);
      expect(save.status, "503 Service Unavailable: the fault is the service's, for now; monitors and load balancers see it").toBe(503);
      // It must not claim what is not true: what the officer just typed was not saved.
      expect(save.text).not.toMatch(/Nothing you have saved has been lost/);
    });

    it("sign-in, which writes a session, fails the same clear way", () => {
      const signIn = seen["POST /sign-in (write)"]!;
      expect(signIn.raw, signIn.text).toBe(false);
      expect(signIn.h1).toMatch(/^Sorry, /);
      expect(signIn.status).toBe(503);
    });

    it("pages that only read still work, or fail with the same clear page", () => {
      for (const name of ["GET /applicant/eoi (read)", "GET /applicant/eoi/leadership/1 (read)"]) {
        const page = seen[name]!;
        expect(page.raw, `${name}: ${page.text}`).toBe(false);
        if (page.status !== 200) {
          expect(page.h1, name).toMatch(/^Sorry, /);
          expect(page.status, name).toBe(503);
        }
      }
    });

    it("/healthz answers (its status is reported: 503 when the database cannot be opened, 200 when it only cannot be written)", () => {
      const health = seen["GET /healthz"]!;
      expect([200, 503]).toContain(health.status);
    });
  });
}

import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Knex } from "knex";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTION_IDS } from "~/domain/eoi/sections";
import { prepareRushWorld, type RushAuthority } from "../../scripts/bench-rush";
import { completeAnswers } from "../factories/eoi-answers";
import { openDatabase, serverBuild, startServer, type RunningServer } from "../setup/server";

// Issue 9 item 5, "the app killed in the middle of a submission": officers submit
// over HTTP against the production build; the server is killed with SIGKILL (no shutdown of any
// kind) while submissions are in flight, twice, and restarted on the same database file. After
// each restart every EOI is either submitted — reference, audit row and exactly one email queued
// — or still a draft with none of them: never half. Submissions answered "submitted" before the
// kill are still submitted after it. The outbox worker runs (file transport), as in production.

const AUTHORITIES = 24;

let dir: string;
let databaseFile: string;
let buildDir: string;
let db: Knex;
let world: RushAuthority[];
let server: RunningServer | undefined;

const serverEnv = () => ({ OUTBOX_WORKER: "on", OUTBOX_INTERVAL_MS: "50", MAIL_DIR: join(dir, "mail") });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "toolkit-kill-"));
  databaseFile = join(dir, "service.sqlite");
  buildDir = await serverBuild();
  db = await openDatabase(databaseFile);
  world = await prepareRushWorld(db, { authorities: AUTHORITIES });
  // Every EOI complete and ready to submit (the journey itself is the rush test's).
  const round = await db("rounds").orderBy("id", "desc").first("id");
  const now = new Date().toISOString();
  for (const authority of world) {
    const register = await db("authorities").where({ id: authority.id }).first("region", "type");
    const complete = completeAnswers();
    const answers = { ...complete, "about-the-bid": { ...complete["about-the-bid"], region: register.region, authorityType: register.type, contactEmail: `contact.${authority.id}@example.gov.uk` } };
    await db("eois").insert({
      round_id: round.id,
      authority_id: authority.id,
      status: "draft",
      answers_json: JSON.stringify(answers),
      completed_json: JSON.stringify(Object.fromEntries(SECTION_IDS.map((id) => [id, true]))),
      section_versions_json: JSON.stringify(Object.fromEntries(SECTION_IDS.map((id) => [id, 1]))),
      version: 11,
      created_by: authority.officers[0].userId,
      created_at: now,
      updated_at: now,
    });
  }
}, 120_000);

afterAll(async () => {
  await server?.kill();
  await db?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Outcome = { authorityId: number; result: "submitted" | "refused" | "cut off"; detail: string };

/** POST "Submit" as the authority's first officer; a connection cut by the kill is "cut off". */
function submit(base: string, agent: Agent, authority: RushAuthority): Promise<Outcome> {
  const officer = authority.officers[0];
  const body = Buffer.from(new URLSearchParams({ csrf: officer.session.csrf }).toString());
  return new Promise((resolve) => {
    const request = httpRequest(
      `${base}/applicant/eoi/check`,
      { method: "POST", agent, headers: { Cookie: officer.session.cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) } },
      (response) => {
        response.resume();
        const done = () => {
          const location = String(response.headers.location ?? "");
          resolve({ authorityId: authority.id, result: location === "/applicant/eoi/confirmation" ? "submitted" : "refused", detail: `${response.statusCode} ${location}` });
        };
        response.on("end", done);
        response.on("error", (error) => resolve({ authorityId: authority.id, result: "cut off", detail: error.message }));
      },
    );
    request.on("error", (error) => resolve({ authorityId: authority.id, result: "cut off", detail: error.message }));
    request.end(body);
  });
}

/** Submits for every authority at once and SIGKILLs the server after `killAfter` answers. */
async function submitAndKill(authorities: RushAuthority[], killAfter: number): Promise<Outcome[]> {
  const running = server!;
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  let answered = 0;
  const outcomes = await Promise.all(
    authorities.map(async (authority) => {
      const outcome = await submit(running.url, agent, authority);
      if (outcome.result !== "cut off" && ++answered >= killAfter && running.alive()) running.child.kill("SIGKILL");
      return outcome;
    }),
  );
  await running.kill();
  agent.destroy();
  return outcomes;
}

/** Every EOI is wholly submitted (reference, audit, one email) or wholly a draft (none of them). */
async function expectNeverHalf(outcomes: Outcome[]) {
  const [{ integrity_check: integrity }] = await db.raw("pragma integrity_check");
  expect(integrity).toBe("ok");
  const eois = await db("eois").whereIn("authority_id", world.map((a) => a.id)).select("id", "authority_id", "status", "reference", "submitted_at", "submitted_by");
  const emails = await db("email_outbox").where({ template: "eoi-submitted" }).select("id", "to_address", "text_body", "attachments_json", "status");
  const audits = await db("audit_log").where({ action: "eoi.submitted", entity_type: "eoi" }).select("entity_id");
  const counts = { submitted: 0, draft: 0 };
  for (const eoi of eois) {
    const authority = world.find((a) => a.id === eoi.authority_id)!;
    const officerEmails = emails.filter((e) => e.to_address === authority.officers[0].email);
    const audited = audits.filter((a) => Number(a.entity_id) === Number(eoi.id));
    if (eoi.status === "submitted") {
      counts.submitted += 1;
      expect(eoi.reference, authority.name).toMatch(/^RTP-EOI-[A-Z0-9]{6}$/);
      expect(eoi.submitted_at, authority.name).toBeTruthy();
      expect(officerEmails, `${authority.name}: one email queued`).toHaveLength(1);
      expect(officerEmails[0]!.text_body).toContain(eoi.reference);
      expect(JSON.parse(officerEmails[0]!.attachments_json)[0].filename).toBe(`${eoi.reference}.pdf`);
      expect(audited, `${authority.name}: one audit row`).toHaveLength(1);
    } else {
      counts.draft += 1;
      expect(eoi.status, authority.name).toBe("draft");
      expect([eoi.reference, eoi.submitted_at, eoi.submitted_by], authority.name).toEqual([null, null, null]);
      expect(officerEmails, `${authority.name}: no email for a draft`).toHaveLength(0);
      expect(audited, `${authority.name}: no audit row for a draft`).toHaveLength(0);
    }
  }
  expect(new Set(eois.filter((e) => e.reference).map((e) => e.reference)).size).toBe(counts.submitted);
  // What the officer was told was submitted, stayed submitted.
  for (const outcome of outcomes.filter((o) => o.result === "submitted")) {
    expect(eois.find((e) => e.authority_id === outcome.authorityId)!.status).toBe("submitted");
  }
  return counts;
}

const drafts = async () => {
  const ids = new Set((await db("eois").where({ status: "draft" }).select("authority_id")).map((row) => Number(row.authority_id)));
  return world.filter((a) => ids.has(a.id));
};

describe("R-35 R-71 faults: the app killed (SIGKILL) in the middle of submissions", () => {
  it("after each restart every EOI is either submitted with its email queued or still a draft, never half", async () => {
    const rounds: Array<{ sent: number; answered: number; cutOff: number; submitted: number; draft: number }> = [];
    // Twice: killed just after the first answer, then halfway through the rest.
    for (const killAfter of [1, 0.5]) {
      const pending = await drafts();
      server = await startServer({ buildDir, databaseFile, env: serverEnv() });
      const outcomes = await submitAndKill(pending, killAfter < 1 ? Math.max(1, Math.floor(pending.length * killAfter)) : killAfter);
      const cutOff = outcomes.filter((o) => o.result === "cut off").length;
      // Restart on the same file: the server comes up and the database is whole.
      server = await startServer({ buildDir, databaseFile, env: serverEnv() });
      const counts = await expectNeverHalf(outcomes);
      await server.stop();
      rounds.push({ sent: pending.length, answered: outcomes.length - cutOff, cutOff, ...counts });
      expect(cutOff, "the kill came while submissions were in flight").toBeGreaterThan(0);
    }
    console.log("kill rounds:", JSON.stringify(rounds));

    // The officers whose submission was cut off submit again: each EOI once, one email each.
    server = await startServer({ buildDir, databaseFile, env: serverEnv() });
    const agent = new Agent({ keepAlive: true });
    const again = await Promise.all((await drafts()).map((authority) => submit(server!.url, agent, authority)));
    agent.destroy();
    expect(again.every((o) => o.result === "submitted"), JSON.stringify(again.filter((o) => o.result !== "submitted"))).toBe(true);
    const counts = await expectNeverHalf(again);
    expect(counts).toEqual({ submitted: AUTHORITIES, draft: 0 });
    // And the worker delivers what was queued (rows leased at a kill come back after their lease).
    const deadline = Date.now() + 10_000;
    let unsent = Infinity;
    while (Date.now() < deadline && unsent > 0) {
      unsent = Number((await db("email_outbox").where({ template: "eoi-submitted" }).where("status", "pending").count({ n: "*" }))[0]!.n);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(unsent).toBe(0);
    await server.stop();
  }, 120_000);
});

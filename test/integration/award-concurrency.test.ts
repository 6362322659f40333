import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import knexFactory, { type Knex } from "knex";
import { afterEach, describe, expect, it } from "vitest";
import { REGIONS } from "~/domain/programme";
import { knexConfig, sqliteConfig } from "../../db/config";
import { createTestDatabaseUrl, onPostgres } from "../setup/db";
import { applicationProgramme } from "~/domain/application/programme";
import { completeApplicationAnswers, makeApplication, makeRound, makeShortlistedBid } from "../factories/applications";
import { makeStaff } from "../factories/eois";

// R-52 "at most one award per region; total awards ≤ £900,000 – checked inside the same database
// transaction, so two simultaneous awards can never break the cap." This fires many approvals at
// once at a real SQLite file from several separate OS processes (each its own connection, WAL,
// busy_timeout as in production: db/config.ts), every one calling the service the manager's
// "Confirm decision" calls, and then checks the caps in the database. With DATABASE_URL the
// processes share a PostgreSQL database of the test's own instead: several app instances.

const PROCESSES = 4;
const ROOT = resolve(__dirname, "../..");

/** One "app instance": opens its own connection, waits for "go", fires its approvals all at once. */
const WORKER = `
import knexFactory from "knex";
import { knexConfig, sqliteConfig } from ${JSON.stringify(join(ROOT, "db/config.ts"))};
const { approveApplication, AwardRuleError } = await import(${JSON.stringify(join(ROOT, "app/services/award.server.ts"))});
const { findUserById } = await import(${JSON.stringify(join(ROOT, "app/data/users.server.ts"))});
const db = knexFactory(process.env.DB_URL ? knexConfig({ DATABASE_URL: process.env.DB_URL }) : sqliteConfig(process.env.DB_FILE));
const manager = await findUserById(db, Number(process.env.MANAGER_ID));
const ids = JSON.parse(process.env.APPLICATION_IDS);
process.stdout.write("ready\\n");
await new Promise((go) => process.stdin.once("data", go));
const outcomes = await Promise.all(ids.map(async (applicationId) => {
  try {
    const { awardId } = await approveApplication(db, { actor: manager, applicationId, baseUrl: "http://localhost", now: new Date() });
    return { applicationId, outcome: "awarded", awardId };
  } catch (error) {
    return { applicationId, outcome: error instanceof AwardRuleError || error?.field ? "refused" : "error", message: String(error?.message ?? error) };
  }
}));
process.stdout.write(JSON.stringify(outcomes) + "\\n");
await db.destroy();
`;

interface Outcome {
  applicationId: number;
  outcome: "awarded" | "refused" | "error";
  awardId?: number;
  message?: string;
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function world(options: { fundPence: number; perRegion: number; requestPence: (region: number, rank: number) => number }) {
  const target = await newDatabase();
  const db = connect(target);
  await db.migrate.latest();
  const round = await makeRound(db, { totalFundPence: options.fundPence });
  const manager = await makeStaff(db, "programme_manager");
  const applications: Array<{ id: number; region: string; clgRequestPence: number }> = [];
  for (const [r, region] of REGIONS.entries()) {
    for (let rank = 0; rank < options.perRegion; rank += 1) {
      const bid = await makeShortlistedBid(db, { roundId: round.id, region, name: `${region} Council ${rank + 1}` });
      const request = options.requestPence(r, rank);
      const answers = completeApplicationAnswers(applicationProgramme(round), {}, { clgPence: request });
      const application = await makeApplication(db, { round, bid, status: "submitted", answers });
      applications.push({ id: application.id, region, clgRequestPence: application.clgRequestPence });
    }
  }
  return { db, target, manager, applications };
}

/** Where the processes meet: an SQLite file, or with DATABASE_URL a PostgreSQL database of this test's own. */
type Target = { DB_FILE: string } | { DB_URL: string };

async function newDatabase(): Promise<Target> {
  if (onPostgres) return { DB_URL: await createTestDatabaseUrl() };
  const dir = mkdtempSync(join(tmpdir(), "toolkit-awards-"));
  dirs.push(dir);
  return { DB_FILE: join(dir, "awards.sqlite") };
}

function connect(target: Target): Knex {
  return knexFactory("DB_URL" in target ? knexConfig({ DATABASE_URL: target.DB_URL }) : sqliteConfig(target.DB_FILE));
}

/** Fires every approval in `ids` from PROCESSES processes at once; each id may appear more than once. */
async function fireApprovals(target: Target, managerId: number, ids: number[]): Promise<Outcome[]> {
  const shares = Array.from({ length: PROCESSES }, (_, p) => ids.filter((_, i) => i % PROCESSES === p));
  const workers = shares.map((share) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", WORKER], {
      cwd: ROOT,
      env: { ...process.env, ...target, MANAGER_ID: String(managerId), APPLICATION_IDS: JSON.stringify(share) },
      stdio: ["pipe", "pipe", "inherit"],
    });
    children.push(child);
    let buffer = "";
    const lines: string[] = [];
    const waiters: Array<() => void> = [];
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf("\n")) !== -1) {
        lines.push(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        waiters.splice(0).forEach((wake) => wake());
      }
    });
    const nextLine = async () => {
      while (lines.length === 0) {
        if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}`);
        await new Promise<void>((wake) => waiters.push(wake));
      }
      return lines.shift()!;
    };
    return { child, nextLine };
  });
  // Everyone connected and ready, then all go at once.
  for (const worker of workers) expect(await worker.nextLine()).toBe("ready");
  for (const worker of workers) worker.child.stdin!.write("go\n");
  const results = await Promise.all(workers.map(async (worker) => JSON.parse(await worker.nextLine()) as Outcome[]));
  return results.flat();
}

const shuffled = <T,>(items: T[], seed: number) => {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

async function awardsIn(db: Knex) {
  return db("grant_awards").select("id", "application_id", "region", "amount_pence").orderBy("id");
}

describe("R-52 the award caps hold under concurrent approvals from several processes", () => {
  it("R-1 R-52 72 simultaneous approvals (63 applications, 9 approved twice) from 4 processes: one award per region, all within £900,000", async () => {
    const { db, target, manager, applications } = await world({ fundPence: 90_000_000, perRegion: 7, requestPence: (r, rank) => 10_000_000 - ((r + rank) % 4) * 50_000 });
    const ids = shuffled([...applications.map((a) => a.id), ...applications.filter((_, i) => i % 7 === 0).map((a) => a.id)], 20090921);
    expect(ids.length).toBeGreaterThanOrEqual(50);
    const outcomes = await fireApprovals(target, manager.id, ids);
    await db.destroy();
    const check = connect(target);
    try {
      const awards = await awardsIn(check);
      const total = awards.reduce((sum, a) => sum + Number(a.amount_pence), 0);
      const awarded = outcomes.filter((o) => o.outcome === "awarded");
      console.log(`R-52 concurrency (fund £900,000): ${outcomes.length} approvals fired, ${awarded.length} succeeded, ${outcomes.filter((o) => o.outcome === "refused").length} refused, ${outcomes.filter((o) => o.outcome === "error").length} errors; awards total £${total / 100}`);
      expect(outcomes).toHaveLength(ids.length);
      expect(outcomes.filter((o) => o.outcome === "error")).toEqual([]);
      expect(awarded).toHaveLength(9);
      expect(awards).toHaveLength(9);
      expect(new Set(awards.map((a) => a.region)).size).toBe(9); // one per region
      expect(new Set(awards.map((a) => a.application_id)).size).toBe(9); // no application twice
      expect(total).toBeLessThanOrEqual(90_000_000);
      // Every refusal says why: the region already has its award, or the application is already approved.
      for (const refused of outcomes.filter((o) => o.outcome === "refused")) expect(refused.message).toMatch(/already has a grant award|already been approved/);
      // The audit log and the applications agree with the awards.
      expect(await check("audit_log").where({ action: "award.made" }).count({ n: "*" })).toEqual([{ n: 9 }]);
      expect(await check("applications").where({ status: "approved" }).count({ n: "*" })).toEqual([{ n: 9 }]);
    } finally {
      await check.destroy();
    }
  }, 120_000);

  it("R-1 R-52 with a £500,000 fund, 63 simultaneous approvals of ~£95,000 each from 4 processes never pass the fund", async () => {
    const { db, target, manager, applications } = await world({ fundPence: 50_000_000, perRegion: 7, requestPence: (r, rank) => 9_500_000 + ((r * 7 + rank) % 5) * 100_000 });
    const ids = shuffled(applications.map((a) => a.id), 20090930);
    const outcomes = await fireApprovals(target, manager.id, ids);
    await db.destroy();
    const check = connect(target);
    try {
      const awards = await awardsIn(check);
      const total = awards.reduce((sum, a) => sum + Number(a.amount_pence), 0);
      console.log(`R-52 concurrency (fund £500,000): ${outcomes.length} approvals fired, ${outcomes.filter((o) => o.outcome === "awarded").length} succeeded, ${outcomes.filter((o) => o.outcome === "refused").length} refused; awards total £${total / 100}`);
      expect(outcomes.filter((o) => o.outcome === "error")).toEqual([]);
      expect(total).toBeLessThanOrEqual(50_000_000);
      expect(awards).toHaveLength(5); // £95,000–£99,000 each: any five fit (≤ £495,000), a sixth never does (≥ £570,000)
      expect(new Set(awards.map((a) => a.region)).size).toBe(awards.length);
      expect(outcomes.filter((o) => o.outcome === "refused").every((o) => /over the £500,000 fund|already has a grant award/.test(o.message ?? ""))).toBe(true);
    } finally {
      await check.destroy();
    }
  }, 120_000);
});

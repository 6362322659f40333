import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import knexFactory from "knex";
import { afterEach, describe, expect, it } from "vitest";
import { insertClaim } from "~/data/claims.server";
import { sqliteConfig } from "../../db/config";
import { makePilot } from "../factories/pilots";

// R-62 "the cumulative approved claims never exceed the award (checked in the transaction)". As
// test/integration/award-concurrency.test.ts does for awards: separate OS processes (each its own
// connection, WAL and busy_timeout as in production) on one SQLite file, all told "go" together,
// each calling the service the manager's "Confirm decision" (or the officer's "Send the claim") calls.

const ROOT = resolve(__dirname, "../..");

const WORKER = `
import knexFactory from "knex";
import { sqliteConfig } from ${JSON.stringify(join(ROOT, "db/config.ts"))};
const { decideClaimAsManager, makeClaim } = await import(${JSON.stringify(join(ROOT, "app/services/pilot-claims.server.ts"))});
const { findUserById } = await import(${JSON.stringify(join(ROOT, "app/data/users.server.ts"))});
const db = knexFactory(sqliteConfig(process.env.DB_FILE));
const user = await findUserById(db, Number(process.env.USER_ID));
const jobs = JSON.parse(process.env.JOBS);
process.stdout.write("ready\\n");
await new Promise((go) => process.stdin.once("data", go));
const outcomes = await Promise.all(jobs.map(async (job) => {
  try {
    const result = job.claimId
      ? await decideClaimAsManager(db, { actor: user, claimId: job.claimId, decision: "approve", reason: "", now: new Date("2010-01-10T10:00:00Z"), baseUrl: "http://localhost" })
      : await makeClaim(db, { user, form: { amount: job.amount, startDay: "1", startMonth: "10", startYear: "2009", endDay: "31", endMonth: "12", endYear: "2009", evidence: "Invoices." }, now: new Date("2010-01-10T10:00:00Z") });
    return { job, outcome: result.ok ? "ok" : "refused", message: result.ok ? "" : result.errors[0][1] };
  } catch (error) {
    return { job, outcome: "error", message: String(error?.message ?? error) };
  }
}));
process.stdout.write(JSON.stringify(outcomes) + "\\n");
await db.destroy();
`;

interface Outcome {
  job: { claimId?: number; amount?: string };
  outcome: "ok" | "refused" | "error";
  message: string;
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fire(file: string, userId: number, shares: Array<Array<Outcome["job"]>>): Promise<Outcome[]> {
  const workers = shares.map((jobs) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", WORKER], { cwd: ROOT, env: { ...process.env, DB_FILE: file, USER_ID: String(userId), JOBS: JSON.stringify(jobs) }, stdio: ["pipe", "pipe", "inherit"] });
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
    child.on("exit", () => waiters.splice(0).forEach((wake) => wake()));
    const nextLine = async () => {
      while (lines.length === 0) {
        if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}`);
        await new Promise<void>((wake) => waiters.push(wake));
      }
      return lines.shift()!;
    };
    return { child, nextLine };
  });
  for (const worker of workers) expect(await worker.nextLine()).toBe("ready");
  for (const worker of workers) worker.child.stdin!.write("go\n");
  return (await Promise.all(workers.map(async (worker) => JSON.parse(await worker.nextLine()) as Outcome[]))).flat();
}

async function world() {
  const dir = mkdtempSync(join(tmpdir(), "toolkit-claims-"));
  dirs.push(dir);
  const file = join(dir, "claims.sqlite");
  const db = knexFactory(sqliteConfig(file));
  await db.migrate.latest();
  const pilot = await makePilot(db, { pilot: { amountPence: 6_000_000 } });
  return { db, file, pilot };
}

describe("R-62 the claims cap holds under concurrent decisions and claims", () => {
  it("R-62 two approvals at once of claims that together pass the award (£40,000 + £40,000 of £60,000): exactly one is approved", async () => {
    const { db, file, pilot } = await world();
    // Two claims waiting that together pass the award (as after the award was reduced, or claims
    // made by hand): only the approving transaction's check stands between them and the cap.
    const ids = [];
    for (const amountPence of [4_000_000, 4_000_000]) ids.push(await insertClaim(db, { awardId: pilot.awardId, amountPence, periodStart: "2009-10-01", periodEnd: "2009-12-31", spendEvidence: "Invoices.", by: pilot.officers[0]!.id, at: new Date("2010-01-05T10:00:00Z") }));
    await db.destroy();
    const outcomes = await fire(file, pilot.manager.id, [[{ claimId: ids[0] }], [{ claimId: ids[1] }]]);
    const check = knexFactory(sqliteConfig(file));
    try {
      console.log(`R-62 two approvals at once: ${outcomes.map((o) => `${o.outcome}${o.message ? ` (${o.message})` : ""}`).join("; ")}`);
      expect(outcomes.filter((o) => o.outcome === "error")).toEqual([]);
      expect(outcomes.filter((o) => o.outcome === "ok")).toHaveLength(1);
      expect(outcomes.find((o) => o.outcome === "refused")!.message).toBe("Approving this claim of £40,000 would take the approved claims to £80,000, over the £60,000 grant – £20,000 is left to approve");
      const approved = await check("grant_claims").where({ status: "approved" }).sum({ total: "amount_pence" });
      expect(Number(approved[0]!.total)).toBe(4_000_000);
      expect(await check("audit_log").where({ action: "claim.approved" }).count({ n: "*" })).toEqual([{ n: 1 }]);
    } finally {
      await check.destroy();
    }
  }, 120_000);

  it("R-62 twelve approvals at once from four processes (six claims of £15,000 on a £60,000 award, each fired twice): approved claims stop at the award", async () => {
    const { db, file, pilot } = await world();
    const ids: number[] = [];
    for (let i = 0; i < 6; i += 1) ids.push(await insertClaim(db, { awardId: pilot.awardId, amountPence: 1_500_000, periodStart: "2009-10-01", periodEnd: "2009-12-31", spendEvidence: `Invoice ${i}.`, by: pilot.officers[0]!.id, at: new Date("2010-01-05T10:00:00Z") }));
    await db.destroy();
    const jobs = [...ids, ...ids].map((claimId) => ({ claimId }));
    const outcomes = await fire(file, pilot.manager.id, [0, 1, 2, 3].map((p) => jobs.filter((_, i) => i % 4 === p)));
    const check = knexFactory(sqliteConfig(file));
    try {
      console.log(`R-62 twelve approvals at once: ${outcomes.filter((o) => o.outcome === "ok").length} approved, ${outcomes.filter((o) => o.outcome === "refused").length} refused, ${outcomes.filter((o) => o.outcome === "error").length} errors`);
      expect(outcomes.filter((o) => o.outcome === "error")).toEqual([]);
      expect(outcomes.filter((o) => o.outcome === "ok")).toHaveLength(4);
      const approved = await check("grant_claims").where({ status: "approved" }).sum({ total: "amount_pence" });
      expect(Number(approved[0]!.total)).toBe(6_000_000);
      for (const refused of outcomes.filter((o) => o.outcome === "refused")) expect(refused.message).toMatch(/over the £60,000 grant|already been approved/);
    } finally {
      await check.destroy();
    }
  }, 120_000);

  it("R-62 eight claims of £20,000 made at once by four processes on a £60,000 award: three are taken, the rest refused with what remains", async () => {
    const { db, file, pilot } = await world();
    await db.destroy();
    const outcomes = await fire(file, pilot.officers[0]!.id, [0, 1, 2, 3].map(() => [{ amount: "£20,000" }, { amount: "£20,000" }]));
    const check = knexFactory(sqliteConfig(file));
    try {
      expect(outcomes.filter((o) => o.outcome === "error")).toEqual([]);
      expect(outcomes.filter((o) => o.outcome === "ok")).toHaveLength(3);
      for (const refused of outcomes.filter((o) => o.outcome === "refused")) expect(refused.message).toMatch(/^Nothing is left to claim/);
      const claimed = await check("grant_claims").sum({ total: "amount_pence" });
      expect(Number(claimed[0]!.total)).toBe(6_000_000);
    } finally {
      await check.destroy();
    }
  }, 120_000);
});

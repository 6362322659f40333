import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import knexFactory from "knex";
import { afterEach, describe, expect, it } from "vitest";
import { deliverDueEmails, smtpTransport } from "../../emails/sender.server";
import { emptyAnswers } from "~/domain/monitoring/reports";
import { saveReport, submitReport } from "~/services/pilot-reports.server";
import { sendDueReminders } from "~/services/report-reminders.server";
import { sqliteConfig } from "../../db/config";
import { makeRound } from "../factories/applications";
import { makePilot, makePilots } from "../factories/pilots";
import { createTestDb } from "../setup/db";
import { startSmtpServer } from "../setup/smtp";

// R-61 "a reminder email five working days before (England and Wales bank holidays), an overdue
// flag after". The job runs hourly in the server and from `npm run reminders`; each reminder and
// each overdue notice is sent once per pilot and quarter, however often and however many at once.

const BASE = "http://localhost:3000";
const at = (iso: string) => new Date(iso);
const outbox = (db: import("knex").Knex) => db("email_outbox").orderBy("id").select("to_address", "cc", "subject", "text_body", "template");

describe("R-61 quarterly report reminders", () => {
  it("R-61 the Q3 2009/10 reminder goes on Friday 8 January 2010 (five working days before Friday 15 January, over the weekend), judged in London; once only", async () => {
    const db = await createTestDb();
    const pilot = await makePilot(db, { pilot: { name: "Gateshead Council", officers: 2 } });
    const [first, second] = pilot.officers.map((officer) => officer.email);
    expect(await sendDueReminders(db, { now: at("2010-01-07T23:59:59Z"), baseUrl: BASE })).toEqual({ reminders: 0, overdue: 0 }); // still Thursday 7 January in London
    expect(await sendDueReminders(db, { now: at("2010-01-08T00:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 1, overdue: 0 });
    expect(await sendDueReminders(db, { now: at("2010-01-08T09:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 0, overdue: 0 });
    expect(await sendDueReminders(db, { now: at("2010-01-12T09:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 0, overdue: 0 });
    const [email] = await outbox(db);
    expect(email).toMatchObject({ to_address: first, cc: second, template: "report-reminder", subject: "Reminder: your Q3 2009/10 progress report is due by Friday 15 January 2010: Gateshead Council" });
    expect(email.text_body).toContain("is due by 11:59pm on Friday 15 January 2010");
    expect(email.text_body).toContain(`${BASE}/applicant/pilot/reports/2009-10-q3`);
    expect(await db("report_reminders").where({ award_id: pilot.awardId }).select("quarter", "kind")).toEqual([{ quarter: "Q3 2009/10", kind: "reminder" }]);
  });

  it("R-61 overdue after the end of the due date in London: not at 11:59pm on 15 January 2010, at midnight; once only", async () => {
    const db = await createTestDb();
    await makePilot(db, { pilot: { name: "Sunderland City Council" } });
    await sendDueReminders(db, { now: at("2010-01-08T10:00:00Z"), baseUrl: BASE });
    expect(await sendDueReminders(db, { now: at("2010-01-15T23:59:59Z"), baseUrl: BASE })).toEqual({ reminders: 0, overdue: 0 });
    expect(await sendDueReminders(db, { now: at("2010-01-16T00:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 0, overdue: 1 });
    expect(await sendDueReminders(db, { now: at("2010-02-01T00:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 0, overdue: 0 });
    expect((await outbox(db)).map((e) => e.template)).toEqual(["report-reminder", "report-overdue"]);
    expect((await outbox(db))[1].subject).toBe("Overdue: your Q3 2009/10 progress report was due by Friday 15 January 2010: Sunderland City Council");
  });

  it("R-61 the Q4 2009/10 reminder after Easter 2010 (due Friday 16 April, Good Friday and Easter Monday before it) goes on Friday 9 April, in British Summer Time", async () => {
    const db = await createTestDb();
    await makePilot(db, { pilot: { name: "North East Council" } });
    // Q3's report was never submitted: only its overdue notice goes (its reminder's window has passed, so no late reminder).
    expect(await sendDueReminders(db, { now: at("2010-04-08T22:59:59Z"), baseUrl: BASE })).toEqual({ reminders: 0, overdue: 1 });
    // 11:30pm on Thursday 8 April in UTC is already 12:30am on Friday 9 April in London (BST).
    expect(await sendDueReminders(db, { now: at("2010-04-08T23:30:00Z"), baseUrl: BASE })).toEqual({ reminders: 1, overdue: 0 });
    const subjects = (await outbox(db)).map((e) => e.subject);
    expect(subjects).toContain("Reminder: your Q4 2009/10 progress report is due by Friday 16 April 2010: North East Council");
    expect(subjects.filter((s) => s.startsWith("Reminder: your Q3"))).toEqual([]);
  });

  it("R-61 a later year (2016/17): the reminder for a report due Tuesday 18 April 2017 goes on Friday 7 April, before Good Friday and Easter Monday", async () => {
    const db = await createTestDb();
    const round = await makeRound(db, { name: "Practitioners' Toolkit pilot programme 2016/17", startBy: "2016-09-30", endsOn: "2017-03-31", requestsBy: "2016-08-01", detailedDueAt: "2016-08-19T22:59:59.999Z" });
    await makePilot(db, { round, pilot: { name: "North East Council" } });
    // Q3 2016/17: Christmas and New Year 2016/17 fall at weekends (substitute days 27 December and 2 January): due Monday 16 January, reminder Monday 9 January.
    expect(await sendDueReminders(db, { now: at("2017-01-06T12:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 0, overdue: 0 });
    expect(await sendDueReminders(db, { now: at("2017-01-09T08:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 1, overdue: 0 });
    await sendDueReminders(db, { now: at("2017-01-17T08:00:00Z"), baseUrl: BASE }); // Q3 overdue
    expect(await sendDueReminders(db, { now: at("2017-04-06T12:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 0, overdue: 0 });
    expect(await sendDueReminders(db, { now: at("2017-04-07T08:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 1, overdue: 0 });
    expect((await outbox(db)).map((e) => e.subject)).toEqual([
      "Reminder: your Q3 2016/17 progress report is due by Monday 16 January 2017: North East Council",
      "Overdue: your Q3 2016/17 progress report was due by Monday 16 January 2017: North East Council",
      "Reminder: your Q4 2016/17 progress report is due by Tuesday 18 April 2017: North East Council",
    ]);
  });

  it("R-61 a submitted report gets no reminder and is never overdue; a draft still does", async () => {
    const db = await createTestDb();
    const [submitted, drafted] = await makePilots(db, { pilots: [{ region: "North East" }, { region: "London", type: "london borough", name: "London Borough of Camden" }] });
    const full = { progress: { A: "a", B: "b", C: "c", D: "d", E: "e", F: "f" }, spend: "£9,000", risks: "None", issues: "None" };
    const saved = await saveReport(db, { user: submitted!.officers[0]!, slug: "2009-10-q3", answers: full, version: 0, now: at("2009-12-20T10:00:00Z") });
    expect(saved.ok).toBe(true);
    expect(await submitReport(db, { user: submitted!.officers[0]!, slug: "2009-10-q3", version: 1, now: at("2010-01-05T10:00:00Z"), baseUrl: BASE })).toEqual({ ok: true, resubmitted: false });
    await saveReport(db, { user: drafted!.officers[0]!, slug: "2009-10-q3", answers: emptyAnswers(), version: 0, now: at("2009-12-20T10:00:00Z") });
    expect(await sendDueReminders(db, { now: at("2010-01-08T10:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 1, overdue: 0 });
    expect(await sendDueReminders(db, { now: at("2010-01-18T10:00:00Z"), baseUrl: BASE })).toEqual({ reminders: 0, overdue: 1 });
    const reminders = await outbox(db).where("template", "like", "report-%").whereNot({ template: "report-submitted" });
    expect(reminders.map((e) => e.subject)).toEqual([
      "Reminder: your Q3 2009/10 progress report is due by Friday 15 January 2010: London Borough of Camden",
      "Overdue: your Q3 2009/10 progress report was due by Friday 15 January 2010: London Borough of Camden",
    ]);
  });

  it("R-61 R-71 the reminder arrives by SMTP at a loopback server with the due date", async () => {
    const db = await createTestDb();
    const { officers } = await makePilot(db, { pilot: { name: "Durham County Council" } });
    await sendDueReminders(db, { now: at("2010-01-08T07:00:00Z"), baseUrl: BASE });
    const smtp = await startSmtpServer();
    try {
      expect(await deliverDueEmails(db, smtpTransport(smtp.url), at("2010-01-08T07:00:05Z"))).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.subject).toBe("Reminder: your Q3 2009/10 progress report is due by Friday 15 January 2010: Durham County Council");
      expect(JSON.stringify(mail.to)).toContain(officers[0]!.email);
      expect(mail.text).toContain("Durham County Council's progress report for Q3 2009/10 (October to December 2009) is due by 11:59pm on Friday 15 January 2010.");
      expect(mail.html).toContain("Write your progress report");
    } finally {
      await smtp.close();
    }
  });
});

// Two or more workers at once: separate OS processes on one SQLite file (each its own connection,
// WAL and busy_timeout as in production), all started together.
const ROOT = resolve(__dirname, "../..");
const WORKER = `
import knexFactory from "knex";
import { sqliteConfig } from ${JSON.stringify(join(ROOT, "db/config.ts"))};
const { sendDueReminders } = await import(${JSON.stringify(join(ROOT, "app/services/report-reminders.server.ts"))});
const db = knexFactory(sqliteConfig(process.env.DB_FILE));
process.stdout.write("ready\\n");
await new Promise((go) => process.stdin.once("data", go));
const runs = await Promise.all([0, 1].map(() => sendDueReminders(db, { now: new Date(process.env.NOW), baseUrl: "http://localhost" })));
process.stdout.write(JSON.stringify(runs) + "\\n");
await db.destroy();
`;

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function startWorker(file: string, now: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", WORKER], { cwd: ROOT, env: { ...process.env, DB_FILE: file, NOW: now }, stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  const lines: string[] = [];
  let buffer = "";
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
}

describe("R-61 reminders with several workers at once", () => {
  it("R-61 four processes (eight runs) at once send each of three pilots' reminders exactly once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "toolkit-reminders-"));
    dirs.push(dir);
    const file = join(dir, "reminders.sqlite");
    const db = knexFactory(sqliteConfig(file));
    await db.migrate.latest();
    await makePilots(db, { pilots: [{ region: "North East" }, { region: "London", type: "london borough", name: "London Borough of Hackney" }, { region: "South West", name: "Cornwall Council" }] });
    await db.destroy();
    const workers = [0, 1, 2, 3].map(() => startWorker(file, "2010-01-08T10:00:00Z"));
    for (const worker of workers) expect(await worker.nextLine()).toBe("ready");
    for (const worker of workers) worker.child.stdin!.write("go\n");
    const runs = (await Promise.all(workers.map(async (w) => JSON.parse(await w.nextLine()) as Array<{ reminders: number; overdue: number }>))).flat();
    const check = knexFactory(sqliteConfig(file));
    try {
      const sent = runs.reduce((sum, run) => sum + run.reminders, 0);
      console.log(`R-61 reminders: ${runs.length} runs from ${workers.length} processes at once sent ${sent} reminders`);
      expect(sent).toBe(3);
      expect(await check("email_outbox").where({ template: "report-reminder" }).count({ n: "*" })).toEqual([{ n: 3 }]);
      const rows = await check("report_reminders").orderBy("award_id").select("award_id", "kind", "email_id");
      expect(rows).toHaveLength(3);
      expect(rows.every((row) => row.email_id !== null)).toBe(true);
    } finally {
      await check.destroy();
    }
  }, 120_000);
});

import type { Knex } from "knex";
import { enqueueEmail } from "../../emails/outbox.server";
import { reportOverdueEmail, reportReminderEmail } from "../../emails/templates-stage4-reports";
import { listAllAwards } from "~/data/awards.server";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { listReportsForAwards, claimReminder, setReminderEmail } from "~/data/reports.server";
import { findRound, type Round } from "~/data/rounds.server";
import { formatDateLondon, londonDate } from "~/domain/calendar";
import { programmeFor } from "./application.server";
import { pilotRecipients, scheduleFor } from "./pilot-reports.server";
import { wakeOutbox } from "./mail.server";

// R-61 Reminders five working days before a report is due, and an overdue notice the day after
// its due date, each exactly once per pilot and quarter: the row in report_reminders (unique on
// award, quarter, kind) is inserted with ON CONFLICT DO NOTHING in the same transaction as the
// email, so however many workers (or `npm run reminders`) run at once, one of them sends it.

export interface RemindersRun {
  reminders: number;
  overdue: number;
}

/**
 * R-61 For every pilot (accepted award) and every quarter of its timetable whose report has not
 * been submitted (no report, or a draft):
 * - from the reminder's day (five working days before the due date) to the due date: a reminder;
 * - after the due date (the end of that London day): an overdue notice.
 * A reminder missed because nothing ran in its window is not sent late: the overdue notice is.
 * A report once submitted (even if later queried) gets neither.
 */
export async function sendDueReminders(db: Knex, input: { now: Date; baseUrl: string }): Promise<RemindersRun> {
  const today = londonDate(input.now);
  const awards = (await listAllAwards(db)).filter((award) => award.status === "accepted");
  const reports = await listReportsForAwards(db, awards.map((a) => a.id));
  const rounds = new Map<number, Round | null>();
  const run: RemindersRun = { reminders: 0, overdue: 0 };
  for (const award of awards) {
    if (!rounds.has(award.roundId)) rounds.set(award.roundId, await findRound(db, award.roundId));
    const round = rounds.get(award.roundId);
    if (!round) continue;
    for (const schedule of scheduleFor({ award, programme: programmeFor(round).programme })) {
      const status = reports.find((r) => r.awardId === award.id && r.quarter === schedule.quarter)?.status ?? null;
      if (status !== null && status !== "draft") continue;
      const kind = today > schedule.due ? "overdue" : today >= schedule.remindOn ? "reminder" : null;
      if (!kind) continue;
      const nobodyToTell = new Error("the pilot has no officers");
      const sent = await db
        .transaction(async (trx) => {
          // The insert comes first: on SQLite it takes the write lock at once (a transaction that
          // reads first can fail to upgrade when another worker is writing).
          const reminderId = await claimReminder(trx, { awardId: award.id, quarter: schedule.quarter, kind, at: input.now });
          if (reminderId === null) return false; // sent before, or by another worker just now
          const recipients = await pilotRecipients(trx, award.authorityId);
          if (!recipients) throw nobodyToTell; // roll back: a later run sends it once someone can read it
          const content = { authorityName: award.authorityName, quarter: schedule.quarter, title: schedule.title, dueText: formatDateLondon(schedule.due, { weekday: true }), link: `${input.baseUrl}/applicant/pilot/reports/${schedule.slug}` };
          const email = kind === "reminder" ? reportReminderEmail(content) : reportOverdueEmail(content);
          const emailId = await enqueueEmail(trx, { ...email, ...recipients, template: `report-${kind}`, now: input.now });
          await setReminderEmail(trx, reminderId, emailId);
          return true;
        })
        .catch((error) => {
          if (error === nobodyToTell) return false;
          throw error;
        });
      if (sent) run[kind === "reminder" ? "reminders" : "overdue"] += 1;
    }
  }
  return run;
}

/** Where links in background emails point: SERVICE_URL, else this server on its port. */
export const serviceBaseUrl = () => (process.env.SERVICE_URL?.replace(/\/$/, "") || `http://localhost:${process.env.PORT ?? 3000}`);

export interface RemindersWorker {
  stop(): Promise<void>;
}

/** Runs sendDueReminders now and then every `intervalMs` (an hour by default). */
export function startRemindersWorker(db: Knex, options: { intervalMs?: number; clock?: () => Date; baseUrl?: () => string } = {}): RemindersWorker {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = sendDueReminders(db, { now: clock(), baseUrl: (options.baseUrl ?? serviceBaseUrl)() })
      .then((result) => {
        if (result.reminders || result.overdue) wakeOutbox();
      })
      .catch((error) => console.error("reminders: run failed", error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, options.intervalMs ?? 3_600_000);
  timer.unref();
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

declare global {
  // eslint-disable-next-line no-var
  var __remindersWorker: RemindersWorker | undefined;
}

/**
 * The server process's reminders worker, started once beside the outbox worker, hourly.
 * It runs where the outbox worker runs: `REMINDERS_WORKER=off` disables it, and so does
 * `OUTBOX_WORKER=off` (as every test server sets) unless `REMINDERS_WORKER=on`.
 * `REMINDERS_INTERVAL_MS` changes the interval. It reads the service's clock (CLOCK_NOW when set).
 */
export function remindersWorker(): RemindersWorker | undefined {
  const setting = process.env.REMINDERS_WORKER;
  if (setting === "off" || (process.env.OUTBOX_WORKER === "off" && setting !== "on")) return undefined;
  if (!globalThis.__remindersWorker) {
    globalThis.__remindersWorker = startRemindersWorker(getDb(), {
      intervalMs: Number(process.env.REMINDERS_INTERVAL_MS ?? 3_600_000),
      clock: now,
    });
  }
  return globalThis.__remindersWorker;
}

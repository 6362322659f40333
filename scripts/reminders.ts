// npm run reminders: sends the quarterly report reminders and overdue notices that are due now
// each once per pilot and quarter however often (or however many at once) this runs. The
// emails are queued in the outbox for the service's sender. Options: --now <ISO instant> (default:
// CLOCK_NOW, else the real time), --base-url <url> (default: SERVICE_URL, else localhost:PORT).
import knexFactory from "knex";
import { knexConfig } from "../db/config";
import { sendDueReminders, serviceBaseUrl } from "../app/services/report-reminders.server";

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};

const nowText = option("now") ?? process.env.CLOCK_NOW;
const now = nowText ? new Date(nowText) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`Not an instant: ${nowText}`);
  process.exit(2);
}
const db = knexFactory(knexConfig());
try {
  const run = await sendDueReminders(db, { now, baseUrl: option("base-url") ?? serviceBaseUrl() });
  console.log(`Reminders at ${now.toISOString()}: ${run.reminders} reminder${run.reminders === 1 ? "" : "s"} and ${run.overdue} overdue notice${run.overdue === 1 ? "" : "s"} queued`);
} catch (error) {
  console.error("Reminders failed:", (error as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}

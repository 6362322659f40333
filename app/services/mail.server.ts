import { startOutboxWorker, transportFromEnv, type OutboxWorker } from "../../emails/sender.server";
import { runningNow } from "~/clock.server";
import { getDb } from "~/data/db.server";

declare global {
  // eslint-disable-next-line no-var
  var __outboxWorker: OutboxWorker | undefined;
}

/**
 * The server process's outbox worker, started once. `OUTBOX_WORKER=off` disables it. Its
 * clock is the service's (CLOCK_NOW included), running: emails are queued at `now()`, and due,
 * leased, retried and sent by the same clock (ADR 0074).
 */
export function outboxWorker(): OutboxWorker | undefined {
  if (process.env.OUTBOX_WORKER === "off") return undefined;
  if (!globalThis.__outboxWorker) {
    globalThis.__outboxWorker = startOutboxWorker(getDb(), transportFromEnv(), {
      intervalMs: Number(process.env.OUTBOX_INTERVAL_MS ?? 2000),
      clock: runningNow,
    });
  }
  return globalThis.__outboxWorker;
}

/** Ask the worker to deliver now, after a transaction that queued email has committed. */
export function wakeOutbox(): void {
  outboxWorker()?.wake();
}

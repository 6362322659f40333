import { startOutboxWorker, transportFromEnv, type OutboxWorker } from "../../emails/sender.server";
import { getDb } from "~/data/db.server";

declare global {
  // eslint-disable-next-line no-var
  var __outboxWorker: OutboxWorker | undefined;
}

/** The server process's outbox worker, started once. `OUTBOX_WORKER=off` disables it. */
export function outboxWorker(): OutboxWorker | undefined {
  if (process.env.OUTBOX_WORKER === "off") return undefined;
  if (!globalThis.__outboxWorker) {
    globalThis.__outboxWorker = startOutboxWorker(getDb(), transportFromEnv(), {
      intervalMs: Number(process.env.OUTBOX_INTERVAL_MS ?? 2000),
    });
  }
  return globalThis.__outboxWorker;
}

/** Ask the worker to deliver now, after a transaction that queued email has committed. */
export function wakeOutbox(): void {
  outboxWorker()?.wake();
}

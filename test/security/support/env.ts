import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Imported first by every security test, before any app module: the app reads its database
 * file, clock, secret and mail settings from the environment (getDb() reads DATABASE_FILE once,
 * on first use). Each test file runs in its own process (pool: "forks"), so this is per file.
 */
export const WORK_DIR = mkdtempSync(join(tmpdir(), "toolkit-security-"));
export const DATABASE_FILE = join(WORK_DIR, "service.sqlite");
export const MAIL_DIR = join(WORK_DIR, "mail");
mkdirSync(MAIL_DIR, { recursive: true });

/** While the round of the world is open (EOIs close 17 July 2009). */
export const CLOCK_NOW = "2009-07-10T09:00:00.000Z";

process.env.DATABASE_FILE = DATABASE_FILE;
delete process.env.DATABASE_URL;
process.env.CLOCK_NOW = CLOCK_NOW;
process.env.SESSION_SECRET = "security-tests-secret-" + "x".repeat(32);
process.env.MAIL_DIR = MAIL_DIR;
process.env.OUTBOX_WORKER = "off";
delete process.env.SMTP_URL;

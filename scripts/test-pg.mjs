// npm run test:pg: the integration tests again on PostgreSQL. Each test gets a database of
// its own, copied from a migrated template (test/setup/db.ts, ADR 0070), so DATABASE_URL must name
// a database whose user may CREATE DATABASE. `.ci/postgres` starts a throwaway cluster on port 5433.
import { spawnSync } from "node:child_process";

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a PostgreSQL database whose user may create databases, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres npm run test:pg");
  process.exit(2);
}

/** Integration tests that never touch PostgreSQL: they run in `npm test` and are not repeated here. */
const SQLITE_ONLY = {
  "test/integration/deadline-rush.test.ts": "the production server over HTTP on an SQLite file (test/setup/server.ts)",
  "test/integration/faults-kill.test.ts": "SIGKILL of a server writing an SQLite file, then its recovery",
  "test/integration/faults-readonly.test.ts": "a read-only SQLite file and directory",
  "test/integration/server-processes.test.ts": "server.mjs workers on an SQLite file (test/setup/server.ts)",
  "test/integration/backup.test.ts": "npm run backup copies SQLite files (PostgreSQL is backed up with pg_dump)",
};

const args = process.argv.slice(2);
if (!args.length) for (const [file, why] of Object.entries(SQLITE_ONLY)) console.warn(`[not run on PostgreSQL] ${file}: ${why}`);
const vitest = args.length ? args : ["test/integration", ...Object.keys(SQLITE_ONLY).flatMap((file) => ["--exclude", file])];
const result = spawnSync("npx", ["vitest", "run", ...vitest], { stdio: "inherit" });
process.exit(result.status ?? 1);

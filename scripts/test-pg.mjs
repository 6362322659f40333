// npm run test:pg: the integration tests again on PostgreSQL. Each test gets a database of
// its own, copied from a migrated template (test/setup/db.ts, ADR 0070), so DATABASE_URL must name
// a database whose user may CREATE DATABASE. `.ci/run` starts a throwaway cluster on port 5433.
import { spawnSync } from "node:child_process";

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a PostgreSQL database whose user may create databases, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres npm run test:pg");
  process.exit(2);
}
const args = process.argv.slice(2);
const result = spawnSync("npx", ["vitest", "run", ...(args.length ? args : ["test/integration"])], { stdio: "inherit" });
process.exit(result.status ?? 1);

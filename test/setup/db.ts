import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import knexFactory, { type Knex } from "knex";
import { afterEach } from "vitest";
import { sqliteConfig } from "../../db/config";

const open: Array<{ db: Knex; dir: string }> = [];

/** A real, migrated SQLite database in a fresh file, removed after the test. */
export async function createTestDb(): Promise<Knex> {
  const dir = mkdtempSync(join(tmpdir(), "toolkit-test-"));
  const db = knexFactory(sqliteConfig(join(dir, "test.sqlite")));
  await db.migrate.latest();
  open.push({ db, dir });
  return db;
}

afterEach(async () => {
  for (const { db, dir } of open.splice(0)) {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

import knexFactory, { type Knex } from "knex";
import { knexConfig } from "../../db/config";

export type Db = Knex;

declare global {
  // Kept on globalThis so Vite's dev-server reloads reuse one connection pool.
  // eslint-disable-next-line no-var
  var __serviceDb: Knex | undefined;
}

/** The process's database: SQLite under data/ unless DATABASE_URL names PostgreSQL. */
export function getDb(): Knex {
  if (!globalThis.__serviceDb) globalThis.__serviceDb = knexFactory(knexConfig());
  return globalThis.__serviceDb;
}

export async function migrateToLatest(db: Knex): Promise<void> {
  await db.migrate.latest();
}

/** True when the database answers a trivial query (GET /healthz). */
export async function databaseAnswers(db: Knex): Promise<boolean> {
  try {
    await db.raw("select 1 as ok");
    return true;
  } catch {
    return false;
  }
}

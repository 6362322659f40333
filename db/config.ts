import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Knex } from "knex";
import { migrationSource } from "./migrations/index";

/**
 * One place that turns the environment into a knex configuration.
 * SQLite (better-sqlite3) is the embedded default; DATABASE_URL selects PostgreSQL.
 */
export function knexConfig(env: NodeJS.ProcessEnv = process.env): Knex.Config {
  if (env.DATABASE_URL) {
    return {
      client: "pg",
      connection: env.DATABASE_URL,
      pool: { min: 0, max: 10 },
      migrations: { migrationSource },
    };
  }
  return sqliteConfig(env.DATABASE_FILE ?? resolve("data/service.sqlite"));
}

export function sqliteConfig(filename: string): Knex.Config {
  if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
  return {
    client: "better-sqlite3",
    connection: { filename },
    useNullAsDefault: true,
    // One connection: better-sqlite3 is synchronous, and a single writer avoids SQLITE_BUSY
    // between connections of the same process.
    pool: {
      min: 1,
      max: 1,
      afterCreate(connection: { pragma(sql: string): unknown }, done: (error: Error | null, connection: unknown) => void) {
        connection.pragma("journal_mode = WAL");
        connection.pragma("foreign_keys = ON");
        connection.pragma("busy_timeout = 5000");
        connection.pragma("synchronous = NORMAL");
        done(null, connection);
      },
    },
    migrations: { migrationSource },
  };
}

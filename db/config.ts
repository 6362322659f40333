import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Knex } from "knex";
import { migrationSource } from "./migrations/index";

/**
 * One place that turns the environment into a knex configuration.
 * SQLite (better-sqlite3) is the embedded default; DATABASE_URL selects PostgreSQL.
 */
export function knexConfig(env: Partial<NodeJS.ProcessEnv> = process.env): Knex.Config {
  if (env.DATABASE_URL) {
    return {
      client: "pg",
      connection: env.DATABASE_URL,
      pool: {
        min: 0,
        max: 10,
        afterCreate(connection: PostgresConnection, done: (error: Error | null, connection: unknown) => void) {
          // count(*), bigInteger columns (money in pence) and sum() arrive as numbers, as they do
          // from SQLite, rather than as strings: every such value here is far below 2^53 (ADR 0070).
          connection.setTypeParser(INT8, parseNumber);
          connection.setTypeParser(NUMERIC, parseNumber);
          done(null, connection);
        },
      },
      migrations: { migrationSource },
    };
  }
  return sqliteConfig(env.DATABASE_FILE ?? resolve("data/service.sqlite"));
}

/** The part of node-postgres' Client used here (pg ships no types of its own). */
interface PostgresConnection {
  setTypeParser(oid: number, parse: (text: string) => unknown): void;
}
const INT8 = 20;
const NUMERIC = 1700;
function parseNumber(text: string): number {
  const value = Number(text);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw new RangeError(`${text} is too large for a JavaScript number`);
  return value;
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

import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
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

/**
 * knex's better-sqlite3 client, whose transactions begin with BEGIN IMMEDIATE: a transaction takes
 * the database's write lock when it starts, waiting for it (busy_timeout), instead of at its
 * first write. With the default deferred BEGIN, a transaction that reads and then writes while
 * another process (WEB_CONCURRENCY, a second instance, a command line) committed in between fails
 * at once with SQLITE_BUSY (its snapshot is stale, and SQLite cannot wait that out). ADR 0041.
 */
function immediateTransactionsClient(): Knex.Config["client"] {
  const load = createRequire(import.meta.url);
  type Constructor = new (...args: never[]) => { query(conn: unknown, sql: string): unknown };
  const BetterSqliteClient = load("knex/lib/dialects/better-sqlite3/index.js") as new (...args: never[]) => object;
  const SqliteTransaction = load("knex/lib/dialects/sqlite3/execution/sqlite-transaction.js") as Constructor;
  class ImmediateTransaction extends SqliteTransaction {
    begin(conn: unknown) {
      return this.query(conn, "BEGIN IMMEDIATE;");
    }
  }
  class ImmediateBetterSqliteClient extends BetterSqliteClient {
    transaction(...args: never[]) {
      return new ImmediateTransaction(this as never, ...args);
    }

    /**
     * knex's own _query, with each connection's prepared statements kept by their SQL (knex
     * prepares every query afresh: a page's handful of queries spent a fifth of their time in
     * prepare). better-sqlite3 runs a statement synchronously, so one statement object is never
     * used by two queries at once; SQLite re-prepares it itself after a schema change. ADR 0071.
     */
    async _query(connection: SqliteConnection, obj: { sql?: string; bindings?: unknown[]; options?: unknown; response?: unknown; context?: unknown }) {
      if (!obj.sql) throw new Error("The query is empty");
      if (!connection) throw new Error("No connection provided");
      const statement = preparedStatement(connection, obj.sql);
      const self = this as unknown as { _optSafeIntegers(options: unknown): boolean | undefined; _formatBindings(bindings: unknown): unknown[] };
      statement.safeIntegers(self._optSafeIntegers(obj.options) ?? false);
      const bindings = self._formatBindings(obj.bindings);
      if (statement.reader) {
        obj.response = statement.all(bindings);
        return obj;
      }
      const response = statement.run(bindings);
      obj.response = response;
      obj.context = { lastID: response.lastInsertRowid, changes: response.changes };
      return obj;
    }
  }
  return ImmediateBetterSqliteClient as unknown as Knex.Config["client"];
}

/** The part of better-sqlite3 used by the statement cache. */
interface SqliteStatement {
  reader: boolean;
  safeIntegers(on: boolean): SqliteStatement;
  all(bindings: unknown[]): unknown[];
  run(bindings: unknown[]): { lastInsertRowid: number | bigint; changes: number };
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

const statementsOf = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();
const MAX_STATEMENTS = 500;

function preparedStatement(connection: SqliteConnection, sql: string): SqliteStatement {
  let statements = statementsOf.get(connection);
  if (!statements) statementsOf.set(connection, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    // Queries whose SQL varies (whereIn lists of any length) must not grow the cache without end.
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statements.set(sql, statement);
  }
  return statement;
}

export function sqliteConfig(filename: string): Knex.Config {
  if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
  return {
    client: immediateTransactionsClient(),
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

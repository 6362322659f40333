import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import knexFactory, { type Knex } from "knex";
import { afterAll, afterEach } from "vitest";
import { knexConfig, sqliteConfig } from "../../db/config";

// Every test gets a fresh, migrated database, dropped after it: a SQLite file by default, or
// with DATABASE_URL a PostgreSQL database copied from a migrated template (R-74, ADR 0070).

/** True when the tests run against PostgreSQL (`npm run test:pg`). */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * Marks a test that cannot run on PostgreSQL and prints why, once per file:
 * `it.skipIf(sqliteOnly("kills an SQLite file's writer"))(…)`.
 */
export function sqliteOnly(reason: string): boolean {
  if (onPostgres) console.warn(`[skipped on PostgreSQL] ${reason}`);
  return onPostgres;
}

const open: Array<{ db: Knex; drop: () => Promise<void> }> = [];

/** A real, migrated database of its own, removed after the test. */
export async function createTestDb(): Promise<Knex> {
  if (onPostgres) return createPostgresTestDb();
  const dir = mkdtempSync(join(tmpdir(), "toolkit-test-"));
  const db = knexFactory(sqliteConfig(join(dir, "test.sqlite")));
  await db.migrate.latest();
  open.push({ db, drop: async () => rmSync(dir, { recursive: true, force: true }) });
  return db;
}

/** The connection string of a fresh, migrated PostgreSQL database of its own, dropped after the test. */
export async function createTestDatabaseUrl(): Promise<string> {
  const name = await createPostgresDatabase();
  open.push({ db: null as unknown as Knex, drop: () => dropPostgresDatabase(name) });
  return databaseUrl(name);
}

/**
 * For a test file whose app modules read DATABASE_URL themselves (getDb): a PostgreSQL database
 * for the whole file, dropped after its last test. Call it at the top of the file, under PostgreSQL.
 */
export async function createFileDatabaseUrl(): Promise<string> {
  const name = await createPostgresDatabase();
  afterAll(() => dropPostgresDatabase(name));
  return databaseUrl(name);
}

async function createPostgresTestDb(): Promise<Knex> {
  const name = await createPostgresDatabase();
  const config = knexConfig({ DATABASE_URL: databaseUrl(name) });
  const db = knexFactory({ ...config, pool: { ...config.pool, max: 4 } });
  open.push({ db, drop: () => dropPostgresDatabase(name) });
  return db;
}

afterEach(async () => {
  for (const { db, drop } of open.splice(0)) {
    await db?.destroy();
    await drop();
  }
});

// --- PostgreSQL: CREATE DATABASE … TEMPLATE a database migrated once per set of migrations ---

function databaseUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The maintenance connection (the database DATABASE_URL names), one per test process. */
let admin: Knex | undefined;
function adminDb(): Knex {
  admin ??= knexFactory({ client: "pg", connection: process.env.DATABASE_URL, pool: { min: 0, max: 2 } });
  return admin;
}

/** A name that changes whenever a migration does, so an edited migration gets a new template. */
function templateName(): string {
  const hash = createHash("sha256");
  const dir = resolve(__dirname, "../../db/migrations");
  for (const file of readdirSync(dir).sort()) hash.update(file).update("\0").update(readFileSync(join(dir, file))).update("\0");
  hash.update(readFileSync(resolve(__dirname, "../../db/config.ts")));
  return `toolkit_template_${hash.digest("hex").slice(0, 16)}`;
}

let template: Promise<string> | undefined;

/**
 * Makes the template once per set of migrations. CREATE DATABASE cannot run in a transaction, so
 * one session holds a session advisory lock while it builds: parallel test processes wait and
 * then find it made.
 */
function ensureTemplate(): Promise<string> {
  template ??= (async () => {
    const name = templateName();
    // One connection (pool of exactly one), so the lock and the statements share a session.
    const session = knexFactory({ client: "pg", connection: process.env.DATABASE_URL, pool: { min: 1, max: 1 } });
    try {
      await session.raw("SELECT pg_advisory_lock(hashtext('toolkit-test-template'))");
      const made = await session("pg_database").where({ datname: name, datistemplate: true }).first("datname");
      if (!made) {
        await session.raw("DROP DATABASE IF EXISTS ??", [name]); // a half-made one from a run that died
        await session.raw("CREATE DATABASE ??", [name]);
        const migrated = knexFactory({ ...knexConfig({ DATABASE_URL: databaseUrl(name) }), pool: { min: 0, max: 1 } });
        try {
          await migrated.migrate.latest();
        } finally {
          await migrated.destroy();
        }
        await session.raw("ALTER DATABASE ?? WITH IS_TEMPLATE true", [name]);
      }
    } finally {
      await session.destroy(); // ends the session, and its advisory lock
    }
    return name;
  })();
  return template;
}

async function createPostgresDatabase(): Promise<string> {
  const source = await ensureTemplate();
  const name = `toolkit_test_${process.pid}_${randomBytes(6).toString("hex")}`;
  await adminDb().raw("CREATE DATABASE ?? TEMPLATE ??", [name, source]);
  return name;
}

async function dropPostgresDatabase(name: string): Promise<void> {
  await adminDb().raw("DROP DATABASE IF EXISTS ?? WITH (FORCE)", [name]);
}

// npm run backup: a consistent copy of the SQLite database, taken while the service runs, with
// SQLite's online backup API (better-sqlite3's db.backup). Restore is described in README.md.
//
//   DATABASE_FILE  the database (default data/service.sqlite)
//   BACKUP_DIR     where copies go (default data/backups), one file per run named by the UTC time
//   UPLOAD_DIR     the evidence files (default data/uploads), copied beside the database's copy into
//                  a folder of the same name + "-uploads". Taken after the database: a file is written
//                  before the row that names it commits and is never changed, so every file the copied
//                  database names is already there (a file newer than the copy is harmless).
//
// Exit 0 with the copy's path and size; exit 2 with the reason on bad input (no database, a
// directory that cannot be written, PostgreSQL – which pg_dump backs up).
import { accessSync, constants, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";

class BadInput extends Error {}

/** `service-20261123T143520.123Z.sqlite`: sorts by time, and two runs in one second do not collide. */
function backupFileName(now: Date): string {
  return `service-${now.toISOString().replace(/[-:]/g, "")}.sqlite`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

function writableDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new BadInput(`Cannot create the backup directory ${dir}: ${(error as Error).message}. Set BACKUP_DIR to a directory this user can write.`);
  }
  if (!statSync(dir).isDirectory()) throw new BadInput(`BACKUP_DIR ${dir} is not a directory.`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new BadInput(`Cannot write to the backup directory ${dir}. Set BACKUP_DIR to a directory this user can write.`);
  }
}

async function backup(env: NodeJS.ProcessEnv): Promise<{ file: string; bytes: number; uploads: { dir: string; files: number } | null }> {
  if (env.DATABASE_URL) {
    throw new BadInput(
      "DATABASE_URL is set: the service's data is in PostgreSQL, which this command does not copy. " +
        'Back it up with pg_dump, e.g. pg_dump --format=custom --file=service.dump "$DATABASE_URL" (restore with pg_restore).',
    );
  }
  const source = resolve(env.DATABASE_FILE ?? "data/service.sqlite");
  if (!existsSync(source) || !statSync(source).isFile()) throw new BadInput(`No SQLite database at ${source}. Set DATABASE_FILE to the service's database.`);
  const dir = resolve(env.BACKUP_DIR || "data/backups");
  writableDirectory(dir);

  const file = join(dir, backupFileName(new Date()));
  const partial = `${file}.partial`; // renamed only once complete, so a half-written copy never looks like a backup
  let db: Database.Database;
  try {
    db = new Database(source, { fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    // Reads the schema now: a file that is not a database fails here, not mid-copy.
    const migrated = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'knex_migrations'").get() as { n: number };
    if (!migrated.n) {
      db.close();
      throw new BadInput(`${source} is not the service's database (it has no migrations table). Set DATABASE_FILE to the service's database.`);
    }
  } catch (error) {
    if (error instanceof BadInput) throw error;
    throw new BadInput(`Cannot open ${source} as an SQLite database: ${(error as Error).message}`);
  }
  try {
    // After the first step, copy every remaining page in one step: under the read lock of one
    // snapshot, so writers in other connections cannot make the copy restart again and again.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  // A single self-contained file: the copy leaves WAL mode (the service turns it back on when it opens it).
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`The copy failed SQLite's quick_check (${String(check)}); it was not kept.`);
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, uploads: copyUploads(resolve(env.UPLOAD_DIR ?? "data/uploads"), file.replace(/\.sqlite$/, "-uploads")) };
}

/** R-60 The evidence files, copied after the database (see the top of this file). */
function copyUploads(from: string, to: string): { dir: string; files: number } | null {
  if (!existsSync(from) || !statSync(from).isDirectory()) return null;
  cpSync(from, to, { recursive: true, preserveTimestamps: true });
  return { dir: to, files: readdirSync(to).length };
}

try {
  const { file, bytes, uploads } = await backup(process.env);
  console.log(`Backed up the database to ${file} (${formatSize(bytes)}, ${bytes} bytes)`);
  if (uploads) console.log(`Backed up ${uploads.files} evidence file${uploads.files === 1 ? "" : "s"} to ${uploads.dir}`);
} catch (error) {
  console.error(error instanceof BadInput ? error.message : `Backup failed: ${(error as Error).message}`);
  process.exitCode = error instanceof BadInput ? 2 : 1;
}

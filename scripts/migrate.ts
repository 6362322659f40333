// npm run migrate: brings the database (SQLite under data/, or DATABASE_URL) to the latest schema.
import knexFactory from "knex";
import { knexConfig } from "../db/config";

const db = knexFactory(knexConfig());
try {
  const [batch, names] = await db.migrate.latest();
  console.log(names.length ? `Migrated (batch ${batch}): ${names.join(", ")}` : "Database already up to date");
} catch (error) {
  console.error("Migration failed:", (error as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}

import type { Knex } from "knex";

/**
 * The rows of a fixed SQL read, on SQLite and PostgreSQL alike. For the few reads made by almost
 * every page (who is signed in; an officer's round, authority and EOI), SQL written out once
 * skips knex's query builder, which cost more than the read itself (ADR 0071). `?` placeholders
 * are knex's: it turns them into `$1`… on PostgreSQL. Everything else uses the query builder.
 */
export async function hotRows<Row>(db: Knex | Knex.Transaction, sql: string, bindings: readonly Knex.Value[]): Promise<Row[]> {
  const result = (await db.raw(sql, bindings as Knex.Value[])) as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

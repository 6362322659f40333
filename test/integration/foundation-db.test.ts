import { describe, expect, it } from "vitest";
import { recordAudit } from "~/data/audit.server";
import { databaseAnswers } from "~/data/db.server";
import { createTestDb, sqliteOnly } from "../setup/db";

describe("database foundation", () => {
  it.skipIf(sqliteOnly("foundation-db: WAL and foreign_keys are SQLite pragmas (PostgreSQL has neither to set)"))("runs SQLite with WAL and foreign keys on", async () => {
    const db = await createTestDb();
    const [{ journal_mode }] = await db.raw("pragma journal_mode");
    const [{ foreign_keys }] = await db.raw("pragma foreign_keys");
    expect(journal_mode).toBe("wal");
    expect(foreign_keys).toBe(1);
  });

  it("R-74 migrates up, down and up again", async () => {
    const db = await createTestDb();
    await db.migrate.rollback(undefined, true);
    expect(await db.schema.hasTable("users")).toBe(false);
    await db.migrate.latest();
    expect(await db.schema.hasTable("users")).toBe(true);
  });

  it("refuses a user whose authority does not exist (foreign keys enforced)", async () => {
    const db = await createTestDb();
    await expect(
      db("users").insert({ email: "a@b.gov.uk", name: "A", role: "applicant", authority_id: 999, created_at: "x", updated_at: "x" }),
    ).rejects.toThrow(/FOREIGN KEY/i); // SQLite: "FOREIGN KEY constraint failed"; PostgreSQL: "violates foreign key constraint"
  });

  it("R-21 the audit log is append-only: rows cannot be changed or deleted", async () => {
    const db = await createTestDb();
    await recordAudit(db, { actorUserId: null, action: "round.created", entityType: "round", entityId: 1, after: { name: "x" }, at: new Date("2009-06-01T10:00:00Z") });
    const [row] = await db("audit_log").select("*");
    expect(JSON.parse(row.after_json)).toEqual({ name: "x" });
    await expect(db("audit_log").update({ action: "tampered" })).rejects.toThrow(/append-only/);
    await expect(db("audit_log").delete()).rejects.toThrow(/append-only/);
    expect(await db("audit_log").count({ n: "*" })).toEqual([{ n: 1 }]);
  });

  it("healthz's check answers true for a live database and false once it is closed", async () => {
    const db = await createTestDb();
    expect(await databaseAnswers(db)).toBe(true);
    const closed = (await import("knex")).default({ client: "better-sqlite3", connection: { filename: "/nonexistent-dir/x.sqlite" }, useNullAsDefault: true });
    expect(await databaseAnswers(closed)).toBe(false);
    await closed.destroy();
  });
});

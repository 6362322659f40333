import type { Knex } from "knex";
import type { Role } from "~/auth/roles";
import { hotRows } from "./hot-sql.server";

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  authorityId: number | null;
  authorityName: string | null;
}

export class DuplicateValueError extends Error {
  constructor(public field: string) {
    super(`duplicate ${field}`);
  }
}

const userColumns = ["users.id", "users.email", "users.name", "users.role", "users.authority_id", "authorities.name as authority_name"];

function toUser(row: Record<string, unknown>): User {
  return {
    id: Number(row.id),
    email: String(row.email),
    name: String(row.name),
    role: row.role as Role,
    authorityId: row.authority_id === null ? null : Number(row.authority_id),
    authorityName: (row.authority_name as string | null) ?? null,
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserById(db: Knex, id: number): Promise<User | null> {
  const row = await db("users").leftJoin("authorities", "authorities.id", "users.authority_id").where("users.id", id).first(userColumns);
  return row ? toUser(row) : null;
}

/** The user of a live session (by the hash of its token), in one query: every page asks this. */
export async function findUserBySessionId(db: Knex, sessionId: string, now: Date): Promise<User | null> {
  const [row] = await hotRows<Record<string, unknown>>(db, SESSION_USER_SQL, [sessionId, now.toISOString()]);
  return row ? toUser(row) : null;
}
const SESSION_USER_SQL = `select ${userColumns.join(", ")}
  from sessions join users on users.id = sessions.user_id left join authorities on authorities.id = users.authority_id
  where sessions.id = ? and sessions.expires_at > ? limit 1`;

export async function findUserWithHashByEmail(db: Knex, email: string): Promise<(User & { passwordHash: string | null }) | null> {
  const row = await db("users")
    .leftJoin("authorities", "authorities.id", "users.authority_id")
    .where("users.email", normaliseEmail(email))
    .first([...userColumns, "users.password_hash"]);
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function listUsers(db: Knex): Promise<User[]> {
  const rows = await db("users")
    .leftJoin("authorities", "authorities.id", "users.authority_id")
    .select(userColumns)
    .orderBy([{ column: "users.role" }, { column: "users.name" }, { column: "users.id" }]);
  return rows.map(toUser);
}

export async function insertUser(
  db: Knex | Knex.Transaction,
  user: { email: string; name: string; role: Role; authorityId: number | null; passwordHash: string | null; at: Date },
): Promise<number> {
  try {
    const [row] = await db("users")
      .insert({
        email: normaliseEmail(user.email),
        name: user.name,
        role: user.role,
        authority_id: user.authorityId,
        password_hash: user.passwordHash,
        created_at: user.at.toISOString(),
        updated_at: user.at.toISOString(),
      })
      .returning("id");
    return Number(typeof row === "object" ? row.id : row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateValueError("email");
    throw error;
  }
}

export async function setPasswordHash(db: Knex | Knex.Transaction, userId: number, passwordHash: string, at: Date) {
  await db("users").where({ id: userId }).update({ password_hash: passwordHash, updated_at: at.toISOString() });
}

/** Unique-constraint violations on SQLite and PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "SQLITE_CONSTRAINT_UNIQUE" || e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY" || e?.code === "23505";
}

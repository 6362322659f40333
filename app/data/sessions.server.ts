import { createHash, randomBytes } from "node:crypto";
import type { Knex } from "knex";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new session: the token goes into the cookie, only its hash into the database. */
export async function insertSession(db: Knex, userId: number, now: Date, hours: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db("sessions").insert({
    id: hashToken(token),
    user_id: userId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + hours * 3600_000).toISOString(),
  });
  return token;
}

export async function deleteSession(db: Knex, token: string): Promise<void> {
  await db("sessions").where({ id: hashToken(token) }).delete();
}


/** Whose session this was, even if it has expired (to keep what they sent after it expired, R-34). */
export async function findSessionOwnerEvenIfExpired(db: Knex, token: string): Promise<number | null> {
  const row = await db("sessions").where({ id: hashToken(token) }).first("user_id");
  return row ? Number(row.user_id) : null;
}

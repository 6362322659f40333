import { createHash, randomBytes } from "node:crypto";
import type { Knex } from "knex";

const HOLD_HOURS = 24;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * R-34 A form POSTed after the officer's session expired is kept (for 24 hours) rather than
 * lost; signing in again at /resume/<token> completes it.
 */
export async function holdForm(db: Knex, input: { userId: number; path: string; form: FormData; now: Date }): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  const entries = [...input.form.entries()].filter(([name, value]) => name !== "csrf" && typeof value === "string");
  await db("held_forms").insert({
    id: hash(token),
    user_id: input.userId,
    path: input.path,
    form_json: JSON.stringify(entries),
    created_at: input.now.toISOString(),
    expires_at: new Date(input.now.getTime() + HOLD_HOURS * 3600_000).toISOString(),
  });
  return token;
}

/**
 * Takes a held form once, and only for the officer it belongs to: it is deleted as it is read.
 * Anyone else gets null and the form stays for its owner.
 */
export async function takeHeldForm(db: Knex, input: { token: string; userId: number; now: Date }): Promise<{ path: string; form: URLSearchParams } | null> {
  return db.transaction(async (trx) => {
    const row = await trx("held_forms").where({ id: hash(input.token), user_id: input.userId }).first();
    if (!row) return null;
    await trx("held_forms").where({ id: row.id }).delete();
    if (row.expires_at <= input.now.toISOString()) return null;
    return { path: row.path, form: new URLSearchParams(JSON.parse(row.form_json) as Array<[string, string]>) };
  });
}

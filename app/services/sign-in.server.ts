import type { Knex } from "knex";
import { verifyPassword } from "~/auth/password.server";
import { findUserWithHashByEmail, normaliseEmail, type User } from "~/data/users.server";

export const MAX_FAILURES = 5;
export const THROTTLE_MINUTES = 15;

export type SignInResult = { ok: true; user: User } | { ok: false; reason: "invalid" | "throttled" };

/**
 * R-20 sign-in: email and password checked against the scrypt hash. After 5 failures for one
 * account within 15 minutes, the account refuses sign-in (even with the right password) until
 * the oldest of those failures is 15 minutes old. Unknown emails are throttled the same way, so
 * the answer never reveals whether an account exists.
 */
export async function signIn(db: Knex, input: { email: string; password: string; now: Date }): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const windowStart = new Date(input.now.getTime() - THROTTLE_MINUTES * 60_000).toISOString();
  const [{ failures }] = await db("sign_in_attempts")
    .where({ email, succeeded: false })
    .where("at", ">", windowStart)
    .count({ failures: "*" });
  if (Number(failures) >= MAX_FAILURES) return { ok: false, reason: "throttled" };

  const user = await findUserWithHashByEmail(db, email);
  const valid = user ? await verifyPassword(input.password, user.passwordHash) : false;
  await db("sign_in_attempts").insert({ email, succeeded: valid, at: input.now.toISOString() });
  if (!user || !valid) return { ok: false, reason: "invalid" };
  const { passwordHash: _hash, ...rest } = user;
  return { ok: true, user: rest };
}

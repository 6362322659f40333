import { createHash, randomBytes } from "node:crypto";
import type { Knex } from "knex";
import { setPasswordEmail } from "../../emails/templates";
import { enqueueEmail } from "../../emails/outbox.server";
import { hashPassword } from "~/auth/password.server";
import { ROLE_LABELS, type Role } from "~/auth/roles";
import { recordAudit } from "~/data/audit.server";
import { insertUser, setPasswordHash, type User } from "~/data/users.server";
import { formatDateTimeLondon } from "~/domain/calendar";

const TOKEN_HOURS = 72;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The programme manager adds an officer of an authority or an assessor. The new user has no
 * password: they get a one-time link by email (through the outbox) to set one.
 */
export async function addUser(
  db: Knex,
  input: { actor: User; email: string; name: string; role: Extract<Role, "applicant" | "assessor">; authorityId: number | null; baseUrl: string; now: Date },
): Promise<number> {
  return db.transaction(async (trx) => {
    const userId = await insertUser(trx, { email: input.email, name: input.name, role: input.role, authorityId: input.authorityId, passwordHash: null, at: input.now });
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(input.now.getTime() + TOKEN_HOURS * 3600_000);
    await trx("password_tokens").insert({ id: hashToken(token), user_id: userId, expires_at: expiresAt.toISOString(), created_at: input.now.toISOString() });
    await recordAudit(trx, {
      actorUserId: input.actor.id,
      action: "user.added",
      entityType: "user",
      entityId: userId,
      after: { email: input.email, name: input.name, role: input.role, authorityId: input.authorityId },
      at: input.now,
    });
    await enqueueEmail(trx, {
      ...setPasswordEmail({ name: input.name, link: `${input.baseUrl}/set-password/${token}`, roleLabel: ROLE_LABELS[input.role], expiresText: formatDateTimeLondon(expiresAt) }),
      to: input.email,
      template: "set-password",
      now: input.now,
    });
    return userId;
  });
}

export type PasswordTokenState = { ok: true; userId: number; email: string } | { ok: false; reason: "unknown" | "expired" | "used" };

export async function checkPasswordToken(db: Knex | Knex.Transaction, token: string, now: Date): Promise<PasswordTokenState> {
  const row = await db("password_tokens").join("users", "users.id", "password_tokens.user_id").where("password_tokens.id", hashToken(token)).first("password_tokens.*", "users.email");
  if (!row) return { ok: false, reason: "unknown" };
  if (row.used_at) return { ok: false, reason: "used" };
  if (row.expires_at <= now.toISOString()) return { ok: false, reason: "expired" };
  return { ok: true, userId: Number(row.user_id), email: row.email };
}

/** Uses a set-password link once: sets the scrypt hash and marks the link used, together. */
export async function setPasswordWithToken(db: Knex, input: { token: string; password: string; now: Date }): Promise<PasswordTokenState> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (trx) => {
    const state = await checkPasswordToken(trx, input.token, input.now);
    if (!state.ok) return state;
    await setPasswordHash(trx, state.userId, passwordHash, input.now);
    await trx("password_tokens").where({ id: hashToken(input.token) }).update({ used_at: input.now.toISOString() });
    await recordAudit(trx, { actorUserId: state.userId, action: "user.password-set", entityType: "user", entityId: state.userId, at: input.now });
    return state;
  });
}

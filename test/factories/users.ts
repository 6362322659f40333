import type { Knex } from "knex";
import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/roles";
import { insertUser } from "~/data/users.server";

let counter = 0;

export async function makeAuthority(db: Knex, overrides: Partial<{ name: string; code: string; region: string; type: string; setting: string }> = {}) {
  counter += 1;
  const row = { name: `Test Borough Council ${counter}`, code: `E0T${String(counter).padStart(6, "0")}`, region: "North East", type: "unitary", setting: "urban", ...overrides };
  const [inserted] = await db("authorities").insert(row).returning("id");
  return { id: Number(typeof inserted === "object" ? inserted.id : inserted), ...row };
}

export async function makeUser(db: Knex, overrides: Partial<{ email: string; name: string; role: Role; authorityId: number | null; password: string }> = {}) {
  counter += 1;
  const password = overrides.password ?? "correct horse battery staple";
  const user = { email: `user${counter}@example.gov.uk`, name: `Test User ${counter}`, role: "applicant" as Role, authorityId: null, ...overrides };
  const id = await insertUser(db, { ...user, passwordHash: await hashPassword(password), at: new Date("2009-06-20T09:00:00Z") });
  return { id, ...user, password };
}

import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { signIn } from "~/services/sign-in.server";
import { createTestDb } from "../setup/db";
import { makeUser } from "../factories/users";

const at = (iso: string) => new Date(iso);

describe("R-20 sign-in", () => {
  it("stores passwords as scrypt hashes that verify only the right password", async () => {
    const hash = await hashPassword("a long enough password");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain("a long enough password");
    expect(await verifyPassword("a long enough password", hash)).toBe(true);
    expect(await verifyPassword("a long enough passworD", hash)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
  });

  it("signs in with the right email (any case) and password", async () => {
    const db = await createTestDb();
    const user = await makeUser(db, { email: "helen@newcastle.example.gov.uk" });
    const result = await signIn(db, { email: " Helen@Newcastle.example.gov.uk ", password: user.password, now: at("2009-07-01T09:00:00Z") });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "applicant" } });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const db = await createTestDb();
    const user = await makeUser(db);
    expect(await signIn(db, { email: user.email, password: "wrong", now: at("2009-07-01T09:00:00Z") })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db, { email: "nobody@example.gov.uk", password: "wrong", now: at("2009-07-01T09:00:00Z") })).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an account after 5 failures in 15 minutes, even with the right password, and lets it in after", async () => {
    const db = await createTestDb();
    const user = await makeUser(db);
    for (let minute = 0; minute < 5; minute += 1) {
      const result = await signIn(db, { email: user.email, password: "wrong", now: at(`2009-07-01T09:0${minute}:00Z`) });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn(db, { email: user.email, password: user.password, now: at("2009-07-01T09:06:00Z") })).toEqual({ ok: false, reason: "throttled" });
    // Another account is not affected.
    const other = await makeUser(db);
    expect(await signIn(db, { email: other.email, password: other.password, now: at("2009-07-01T09:06:00Z") })).toMatchObject({ ok: true });
    // 15 minutes after the first failure, only 4 failures remain in the window.
    expect(await signIn(db, { email: user.email, password: user.password, now: at("2009-07-01T09:15:30Z") })).toMatchObject({ ok: true });
  });
});

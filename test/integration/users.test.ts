import { describe, expect, it } from "vitest";
import { signIn } from "~/services/sign-in.server";
import { addUser, checkPasswordToken, setPasswordWithToken } from "~/services/users.server";
import { DuplicateValueError, findUserById } from "~/data/users.server";
import { createTestDb } from "../setup/db";
import { makeAuthority, makeUser } from "../factories/users";

const now = new Date("2009-06-22T09:00:00Z");

describe("the programme manager adds users", () => {
  it("R-21 adds an officer with no password, audits it and emails a one-time set-password link", async () => {
    const db = await createTestDb();
    const manager = await makeUser(db, { role: "programme_manager" });
    const authority = await makeAuthority(db, { name: "Leeds City Council" });
    const actor = (await findUserById(db, manager.id))!;
    const id = await addUser(db, { actor, email: "New.Officer@leeds.example.gov.uk", name: "New Officer", role: "applicant", authorityId: authority.id, baseUrl: "http://localhost:3000", now });

    const user = await db("users").where({ id }).first();
    expect(user).toMatchObject({ email: "new.officer@leeds.example.gov.uk", role: "applicant", authority_id: authority.id, password_hash: null });
    const audit = await db("audit_log").where({ entity_type: "user", entity_id: String(id) }).first();
    expect(audit).toMatchObject({ action: "user.added", actor_user_id: manager.id });

    const email = await db("email_outbox").first();
    expect(email.to_address).toBe("New.Officer@leeds.example.gov.uk");
    const link = /http:\/\/localhost:3000\/set-password\/([A-Za-z0-9_-]+)/.exec(email.text_body);
    expect(link).not.toBeNull();
    const token = link![1];

    expect(await checkPasswordToken(db, token, now)).toMatchObject({ ok: true, userId: id });
    expect(await setPasswordWithToken(db, { token, password: "a brand new passphrase", now })).toMatchObject({ ok: true });
    expect(await signIn(db, { email: "new.officer@leeds.example.gov.uk", password: "a brand new passphrase", now })).toMatchObject({ ok: true });
    // The link works once.
    expect(await setPasswordWithToken(db, { token, password: "another passphrase!", now })).toEqual({ ok: false, reason: "used" });
  });

  it("refuses an expired or unknown link and a duplicate email address", async () => {
    const db = await createTestDb();
    const manager = await makeUser(db, { role: "programme_manager" });
    const actor = (await findUserById(db, manager.id))!;
    await addUser(db, { actor, email: "assessor@cdf.example.org.uk", name: "An Assessor", role: "assessor", authorityId: null, baseUrl: "http://x", now });
    const token = /set-password\/([A-Za-z0-9_-]+)/.exec((await db("email_outbox").first()).text_body)![1];
    expect(await checkPasswordToken(db, token, new Date("2009-06-26T09:00:00Z"))).toEqual({ ok: false, reason: "expired" });
    expect(await checkPasswordToken(db, "not-a-token", now)).toEqual({ ok: false, reason: "unknown" });
    await expect(addUser(db, { actor, email: "ASSESSOR@cdf.example.org.uk", name: "Twin", role: "assessor", authorityId: null, baseUrl: "http://x", now })).rejects.toBeInstanceOf(
      DuplicateValueError,
    );
    expect(await db("email_outbox").count({ n: "*" })).toEqual([{ n: 1 }]);
  });
});

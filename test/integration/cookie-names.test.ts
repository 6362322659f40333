import { afterEach, describe, expect, it, vi } from "vitest";

// Security by default (issue 9 item 4): over https the service's cookies are `__Host-` cookies —
// Secure, Path=/, no Domain — so a neighbouring subdomain cannot plant a session or CSRF cookie.
// Over plain http (development, the tests' servers) browsers would refuse them, so the names are plain.

const saved = { NODE_ENV: process.env.NODE_ENV, COOKIE_SECURE: process.env.COOKIE_SECURE, SESSION_SECRET: process.env.SESSION_SECRET };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
});

async function cookiesWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  process.env.SESSION_SECRET = `cookie-names-${"q".repeat(32)}`;
  const { serviceCookies } = await import("~/auth/cookies.server");
  return serviceCookies();
}

describe("the service's cookies", () => {
  it("in production over https are __Host- cookies: Secure, for the whole site, with no Domain", async () => {
    const { session, csrf } = await cookiesWith({ NODE_ENV: "production", COOKIE_SECURE: undefined });
    expect(session.name).toBe("__Host-session");
    expect(csrf.name).toBe("__Host-csrf");
    for (const cookie of [session, csrf]) {
      const header = await cookie.serialize("value");
      expect(header).toMatch(/^__Host-(session|csrf)=/);
      expect(header).toContain("; Secure");
      expect(header).toContain("; Path=/");
      expect(header).toContain("; HttpOnly");
      expect(header).toContain("; SameSite=Lax");
      expect(header).not.toMatch(/; Domain=/i);
      expect(await cookie.parse(header.split(";")[0]!)).toBe("value");
    }
  });

  it("over plain http (COOKIE_SECURE=false, or not production) keep plain names, which browsers accept without Secure", async () => {
    for (const env of [{ NODE_ENV: "production", COOKIE_SECURE: "false" }, { NODE_ENV: "development", COOKIE_SECURE: undefined }]) {
      const { session, csrf } = await cookiesWith(env);
      expect([session.name, csrf.name]).toEqual(["__session", "__csrf"]);
      expect(await session.serialize("value")).not.toContain("Secure");
    }
  });
});

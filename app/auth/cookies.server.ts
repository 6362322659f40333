import { createCookie } from "@remix-run/node";
import { sessionSecret } from "./secret.server";

const secure = process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false";
export const SESSION_HOURS = 12;

let cookies: { session: ReturnType<typeof createCookie>; csrf: ReturnType<typeof createCookie> } | undefined;

/** Signed, HttpOnly, SameSite=Lax cookies; created lazily so the secret is read at run time. */
export function serviceCookies() {
  if (!cookies) {
    const secrets = [sessionSecret()];
    cookies = {
      session: createCookie("__session", { secrets, httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SESSION_HOURS * 3600 }),
      csrf: createCookie("__csrf", { secrets, httpOnly: true, sameSite: "lax", secure, path: "/" }),
    };
  }
  return cookies;
}

import { createCookie } from "@remix-run/node";
import { sessionSecret } from "./secret.server";

export const SESSION_HOURS = 12;

let cookies: { session: ReturnType<typeof createCookie>; csrf: ReturnType<typeof createCookie> } | undefined;

/**
 * Signed, HttpOnly, SameSite=Lax cookies; created lazily so the secret and the settings are read at
 * run time. Served over https (production, unless COOKIE_SECURE=false) they are Secure and named
 * `__Host-…`: a browser then takes them only from this exact host, over https, for the whole site, so
 * a neighbouring subdomain cannot plant or overwrite them (session fixation, CSRF token tossing).
 * Browsers refuse `__Host-` cookies without Secure, so over plain http (development, tests) the
 * names are `__session` and `__csrf`.
 */
export function serviceCookies() {
  if (!cookies) {
    const secrets = [sessionSecret()];
    const secure = process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false";
    const prefix = secure ? "__Host-" : "__";
    cookies = {
      session: createCookie(`${prefix}session`, { secrets, httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SESSION_HOURS * 3600 }),
      csrf: createCookie(`${prefix}csrf`, { secrets, httpOnly: true, sameSite: "lax", secure, path: "/" }),
    };
  }
  return cookies;
}

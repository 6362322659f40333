import { randomBytes, timingSafeEqual } from "node:crypto";
import { serviceCookies } from "./cookies.server";

export const CSRF_FIELD = "csrf";

/**
 * CSRF protection by the double-submit pattern: a random token lives in a signed HttpOnly cookie
 * and is repeated in a hidden field of every form; a POST whose field does not match is refused.
 */
export async function readCsrfToken(request: Request): Promise<string | null> {
  const value = await serviceCookies().csrf.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

/** The token for this visitor, and a Set-Cookie header when a new one had to be made. */
export async function ensureCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const existing = await readCsrfToken(request);
  if (existing) return { token: existing, setCookie: null };
  return newCsrfToken();
}

export async function newCsrfToken(): Promise<{ token: string; setCookie: string }> {
  const token = randomBytes(32).toString("base64url");
  return { token, setCookie: await serviceCookies().csrf.serialize(token) };
}

export class CsrfError extends Error {}

export async function verifyCsrf(request: Request, form: FormData): Promise<void> {
  const expected = await readCsrfToken(request);
  const given = form.get(CSRF_FIELD);
  if (!expected || typeof given !== "string" || given.length !== expected.length) throw new CsrfError();
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) throw new CsrfError();
}

import { redirect, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { deleteSession, findSessionOwnerEvenIfExpired, hashToken, insertSession } from "~/data/sessions.server";
import { findUserBySessionId, type User } from "~/data/users.server";
import { serviceCookies, SESSION_HOURS } from "./cookies.server";
import { CsrfError, newCsrfToken, verifyCsrf } from "./csrf.server";
import type { Role } from "./roles";

async function sessionToken(request: Request): Promise<string | null> {
  const value = await serviceCookies().session.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

// The root loader and the page's loader both ask who is signed in, with the same Request: the
// answer is looked up once per request (the cookie cannot change within it). Sign-in and sign-out
// forget it, so a later question in the same request sees the new session.
const usersOfRequests = new WeakMap<Request, Promise<User | null>>();

/** The signed-in user, or null. */
export function getUser(request: Request): Promise<User | null> {
  let user = usersOfRequests.get(request);
  if (!user) {
    user = lookUpUser(request);
    usersOfRequests.set(request, user);
  }
  return user;
}

async function lookUpUser(request: Request): Promise<User | null> {
  const token = await sessionToken(request);
  return token ? findUserBySessionId(getDb(), hashToken(token), now()) : null;
}

/** The user whose session cookie this request carries, even when that session has expired. */
export async function expiredSessionUserId(request: Request): Promise<number | null> {
  const token = await sessionToken(request);
  return token ? findSessionOwnerEvenIfExpired(getDb(), token) : null;
}

/**
 * the one permission helper, called first by every loader and action. Signed out → the
 * sign-in page (returning here afterwards); signed in with another role → 403.
 */
export async function requireUser(request: Request, options: { role?: Role | Role[] } = {}): Promise<User> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const allowed = options.role === undefined ? null : Array.isArray(options.role) ? options.role : [options.role];
  if (allowed && !allowed.includes(user.role)) {
    throw new Response("You do not have permission to see this page", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

/**
 * Reads a POSTed form after checking its CSRF token; a missing or wrong token is a 403.
 * A form with a file input (multipart) may pass an `uploadHandler` (see services/uploads.server.ts)
 * so that its parts are read as they arrive, with the file's size capped, instead of buffering
 * the whole body; the CSRF token is checked the same way.
 */
export async function readForm(request: Request, options: { uploadHandler?: UploadHandler } = {}): Promise<FormData> {
  const multipart = (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
  const form = options.uploadHandler && multipart ? await readMultipart(request, options.uploadHandler) : await request.formData();
  try {
    await verifyCsrf(request, form);
  } catch (error) {
    if (error instanceof CsrfError) {
      throw new Response("The form was out of date or did not come from this service. Go back, reload the page and try again.", {
        status: 403,
        statusText: "Forbidden",
      });
    }
    throw error;
  }
  return form;
}

async function readMultipart(request: Request, uploadHandler: UploadHandler): Promise<FormData> {
  try {
    return await unstable_parseMultipartFormData(request, uploadHandler);
  } catch (error) {
    if (error instanceof TypeError) throw new Response("The form could not be read. Go back and try again.", { status: 400, statusText: "Bad Request" });
    throw error;
  }
}

/**
 * Starts a session after sign-in. A new session id and a new CSRF token are issued every time,
 * so a session id planted before sign-in is worthless (session fixation).
 */
export async function startSession(request: Request, userId: number): Promise<Headers> {
  usersOfRequests.delete(request);
  const old = await sessionToken(request);
  if (old) await deleteSession(getDb(), old);
  const token = await insertSession(getDb(), userId, now(), SESSION_HOURS);
  const headers = new Headers();
  headers.append("Set-Cookie", await serviceCookies().session.serialize(token));
  headers.append("Set-Cookie", (await newCsrfToken()).setCookie);
  return headers;
}

export async function endSession(request: Request): Promise<Headers> {
  usersOfRequests.delete(request);
  const token = await sessionToken(request);
  if (token) await deleteSession(getDb(), token);
  const headers = new Headers();
  headers.append("Set-Cookie", await serviceCookies().session.serialize("", { maxAge: 0 }));
  return headers;
}

/** Only same-site relative paths may be returned to after sign-in. */
export function safeReturnTo(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

import type { Role } from "~/auth/roles";
import type { User } from "~/data/users.server";

/** R-20 The record is not there for this user: a bid not in the sift, or not assigned to them. */
export class SiftNotFoundError extends Error {
  readonly status = 404;
  constructor(message = "Page not found") {
    super(message);
  }
}

/** R-20 The user may not do this: the wrong role, or a declared conflict of interest. */
export class SiftForbiddenError extends Error {
  readonly status = 403;
}

/** R-73 A rule refused the change; the message goes beside the field it is about. */
export class SiftRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** R-20 The service checks the role itself too, so no route can forget it. */
export function requireRole(actor: User, role: Role): void {
  if (actor.role !== role) throw new SiftForbiddenError("You do not have permission to do this");
}

/**
 * For routes: a not-found or forbidden error becomes the 404 or 403 page (the one error
 * boundary); anything else is thrown on unchanged.
 */
export function asHttpError(error: unknown): unknown {
  if (error instanceof SiftNotFoundError || error instanceof SiftForbiddenError) {
    return new Response(error.message, { status: error.status, statusText: error.status === 404 ? "Not Found" : "Forbidden" });
  }
  return error;
}

/** Runs a loader's or action's work, turning not-found and forbidden errors into the 404 and 403 pages. */
export async function orHttpError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asHttpError(error);
  }
}

import { requireUser } from "~/auth/session.server";
import { getDb } from "~/data/db.server";
import type { User } from "~/data/users.server";
import { applicantApplicationContext, ApplicationNotFoundError, type ApplicantApplicationContext } from "~/services/application.server";

/** R-20 R-50 The one check of every /applicant/application route: an officer of an invited authority, else 404. */
export async function requireInvitedApplicant(request: Request): Promise<{ user: User; context: ApplicantApplicationContext }> {
  const user = await requireUser(request, { role: "applicant" });
  return { user, context: await orNotFound(() => applicantApplicationContext(getDb(), user)) };
}

/** Runs a stage 3 call, turning "not invited / no such thing" into a 404 response. */
export async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApplicationNotFoundError) throw new Response("Not found", { status: 404, statusText: "Not Found" });
    throw error;
  }
}

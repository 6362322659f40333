import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { APPLICATION_HOME } from "~/domain/application/paths";
import { handleApplicationPagePost } from "~/services/application-pages.server";
import { takeHeldForm } from "~/services/held-forms.server";
import { orNotFound, requireInvitedApplicant } from "./applicant.application._shared/guard.server";

/**
 * R-51 (R-34 as stage 1) After signing in again, completes the page POST that arrived after the
 * session expired, through the same save as the page's own action (invitation, conflicts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireInvitedApplicant(request);
  const held = await takeHeldForm(getDb(), { token: params.token ?? "", userId: user.id, now: now() });
  if (!held) throw redirect(APPLICATION_HOME);
  const match = /^\/applicant\/application\/([^/]+)\/([^/]+)$/.exec(held.path);
  if (!match) throw redirect(APPLICATION_HOME);
  const outcome = await orNotFound(() => handleApplicationPagePost(getDb(), { user, sectionId: match[1], page: match[2], form: held.form, now: now() }));
  if (outcome.kind === "redirect" && outcome.to.includes("/conflict/")) throw redirect(outcome.to);
  throw redirect(`${held.path}?resumed=1`);
}

import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { handlePagePost, parsePagePath } from "~/services/eoi-pages.server";
import { takeHeldForm } from "~/services/held-forms.server";

/**
 * R-34 After signing in again, completes the POST that arrived after the session expired.
 * The held form goes through the same save as the page's own action (ownership, conflicts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const held = await takeHeldForm(getDb(), { token: params.token ?? "", userId: user.id, now: now() });
  if (!held) throw new Response("Not found", { status: 404 });
  const match = /^\/applicant\/eoi\/([^/]+)\/([^/]+)$/.exec(held.path);
  const where = match ? parsePagePath(match[1], match[2]) : null;
  if (!where) throw redirect("/applicant/eoi");
  const outcome = await handlePagePost(getDb(), { user, ...where, form: held.form, now: now() });
  if (outcome.kind === "redirect") throw redirect(outcome.to.includes("/conflict/") ? outcome.to : `${held.path}?resumed=1`);
  throw redirect(`${held.path}?resumed=1`);
}

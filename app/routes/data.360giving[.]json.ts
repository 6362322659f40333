import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { giving360Json } from "~/services/giving360.server";

/**
 * R-54 The grant awards as a 360Giving JSON package, public: open data about public money
 * (organisations, amounts and dates; no personal data). `?download=1` saves it as a file.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const body = JSON.stringify(await giving360Json(getDb(), { baseUrl: url.origin, now: now() }), null, 2);
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" };
  if (url.searchParams.has("download")) headers["Content-Disposition"] = 'attachment; filename="practitioners-toolkit-grants-360giving.json"';
  return new Response(body, { headers });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { giving360CsvText } from "~/services/giving360.server";

/** R-54 The grant awards as a 360Giving CSV (the standard's summary-table columns), public. `?download=1` saves it as a file. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const body = await giving360CsvText(getDb(), { baseUrl: url.origin, now: now() });
  const headers: Record<string, string> = { "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" };
  if (url.searchParams.has("download")) headers["Content-Disposition"] = 'attachment; filename="practitioners-toolkit-grants-360giving.csv"';
  return new Response(`\uFEFF${body}`, { headers });
}

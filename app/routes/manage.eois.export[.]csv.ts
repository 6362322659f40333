import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { londonDate } from "~/domain/calendar";
import { eoisCsv } from "~/services/eoi-export.server";

/** R-72 Every EOI of the round as CSV, one column per question. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const csv = await eoisCsv(getDb(), { actor });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="expressions-of-interest-${londonDate(now())}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

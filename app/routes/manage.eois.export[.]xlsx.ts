import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { londonDate } from "~/domain/calendar";
import { eoisXlsx } from "~/services/eoi-export.server";

/** R-72 Every EOI of the round as an Excel workbook, one column per question. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const at = now();
  const xlsx = await eoisXlsx(getDb(), { actor, now: at });
  return new Response(new Uint8Array(xlsx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="expressions-of-interest-${londonDate(at)}.xlsx"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

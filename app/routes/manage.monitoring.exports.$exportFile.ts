import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { londonDate } from "~/domain/calendar";
import { isMonitoringExport, monitoringCsv, monitoringXlsx } from "~/services/monitoring-exports.server";
import { orPilotResponse } from "~/services/pilots.server";

// R-72 /manage/monitoring/exports/outputs.csv, reports.xlsx, claims.csv … (programme manager only, R-20)
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(params.exportFile ?? "");
  const which = match?.[1];
  if (!match || !isMonitoringExport(which)) throw new Response("Page not found", { status: 404, statusText: "Not Found" });
  return orPilotResponse(async () => {
    const at = now();
    const filename = `pilot-${which}-${londonDate(at)}.${match[2]}`;
    const headers = { "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" };
    if (match[2] === "csv") {
      return new Response(await monitoringCsv(getDb(), { actor, which, now: at }), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
    }
    const body = await monitoringXlsx(getDb(), { actor, which, now: at });
    return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
  });
}

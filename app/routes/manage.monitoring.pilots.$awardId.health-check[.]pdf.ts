import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/data/db.server";
import { healthCheckPdf } from "~/services/health-check.server";
import { orPilotResponse } from "~/services/pilots.server";
import { awardIdParam } from "./manage.monitoring.pilots.$awardId.health-check._shared/view.server";

/** R-63 The health check visit's report (a draft until agreed), for the programme team. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const awardId = awardIdParam(params);
  const { pdf, filename } = await orPilotResponse(() => healthCheckPdf(getDb(), { user: actor, awardId }));
  return new Response(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
}

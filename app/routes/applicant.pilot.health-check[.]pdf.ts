import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/data/db.server";
import { healthCheckPdf } from "~/services/health-check.server";
import { orPilotResponse } from "~/services/pilots.server";

/** R-63 R-20 The agreed health check report, for the pilot's own officers only (404 until agreed). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { pdf, filename } = await orPilotResponse(() => healthCheckPdf(getDb(), { user }));
  return new Response(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/data/db.server";
import { orPilotResponse } from "~/services/pilots.server";
import { uploadForOfficer, uploadResponse } from "~/services/uploads.server";

// R-60 An evidence file of the officer's own pilot, as a download (R-20: any other pilot's file,
// or none, is not found).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  if (!/^\d{1,9}$/.test(params.uploadId ?? "")) throw new Response("Not found", { status: 404 });
  const upload = await orPilotResponse(() => uploadForOfficer(getDb(), user, Number(params.uploadId)));
  return uploadResponse(upload);
}

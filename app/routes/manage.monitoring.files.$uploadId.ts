import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/data/db.server";
import { orPilotResponse } from "~/services/pilots.server";
import { uploadForManager, uploadResponse } from "~/services/uploads.server";

// R-60 Any pilot's evidence file, as a download, for the programme manager.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  if (!/^\d{1,9}$/.test(params.uploadId ?? "")) throw new Response("Not found", { status: 404 });
  const upload = await orPilotResponse(() => uploadForManager(getDb(), actor, Number(params.uploadId)));
  return uploadResponse(upload);
}

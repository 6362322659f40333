import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { londonDate } from "~/domain/calendar";
import { orHttpError } from "~/services/sift-errors.server";
import { isSiftExport, siftCsv, siftXlsx } from "~/services/sift-exports.server";
import { siftRound } from "~/services/sift-overview.server";

// R-72 /manage/sift/exports/eois-with-scores.csv, assignments.xlsx, selection.csv …
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(params.file ?? "");
  const which = match?.[1];
  if (!match || !isSiftExport(which)) throw new Response("Page not found", { status: 404, statusText: "Not Found" });
  return orHttpError(async () => {
    const round = await siftRound(getDb());
    const filename = `sift-${which}-${londonDate(now())}.${match[2]}`;
    const headers = { "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" };
    if (match[2] === "csv") {
      return new Response(await siftCsv(getDb(), { actor, roundId: round.id, which }), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
    }
    const body = await siftXlsx(getDb(), { actor, roundId: round.id, which, now: now() });
    return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
  });
}

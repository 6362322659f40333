import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/data/db.server";
import { ApplicationMissingError } from "~/services/application-review.server";
import { renderOfferLetterPdf } from "~/services/award-pdf.server";
import { loadAwardForManager } from "~/services/award.server";

/** R-53 A grant offer letter, for the programme team. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  if (!/^\d+$/.test(params.id ?? "")) throw new Response("Not found", { status: 404 });
  try {
    const { letter } = await loadAwardForManager(getDb(), { actor, awardId: Number(params.id) });
    return new Response(new Uint8Array(await renderOfferLetterPdf(letter)), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${letter.grantId}-offer.pdf"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (error instanceof ApplicationMissingError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

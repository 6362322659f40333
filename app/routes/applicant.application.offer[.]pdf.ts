import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/data/db.server";
import { renderOfferLetterPdf } from "~/services/award-pdf.server";
import { applicantAward } from "~/services/award.server";
import { orNotFound, requireInvitedApplicant } from "./applicant.application._shared/guard.server";

/** R-53 The authority's grant offer letter as an A4 PDF (with its acceptance, once accepted). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireInvitedApplicant(request);
  const { letter } = await orNotFound(() => applicantAward(getDb(), user));
  const pdf = await renderOfferLetterPdf(letter);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${letter.grantId}-offer.pdf"`, "Cache-Control": "no-store" },
  });
}

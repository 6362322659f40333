import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/data/db.server";
import { renderEoiPdf } from "~/services/eoi-pdf.server";
import { applicantContext } from "~/services/eoi.server";

/** R-32 The hard copy: the authority's own EOI as an A4 PDF (a draft shows as a draft). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { authority, eoi } = await applicantContext(getDb(), user);
  if (!eoi) throw redirect("/applicant");
  const pdf = await renderEoiPdf({
    reference: eoi.reference,
    authorityName: authority.name,
    region: authority.region,
    authorityType: authority.type,
    submittedAt: eoi.submittedAt ? new Date(eoi.submittedAt) : null,
    answers: eoi.answers,
  });
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${eoi.reference ?? "expression-of-interest-draft"}.pdf"`, "Cache-Control": "no-store" },
  });
}

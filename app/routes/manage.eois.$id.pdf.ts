import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/data/db.server";
import { eoiForManager } from "~/services/eoi-admin.server";
import { renderEoiPdf } from "~/services/eoi-pdf.server";

/** R-9 R-32 Any EOI's hard copy as an A4 PDF, for the programme manager (a draft shows as a draft). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const view = await eoiForManager(getDb(), { actor, eoiId: Number(params.id) });
  if (!view) throw new Response("Not found", { status: 404 });
  const { eoi, authority } = view;
  const pdf = await renderEoiPdf({
    reference: eoi.reference,
    authorityName: authority.name,
    region: authority.region,
    authorityType: authority.type,
    submittedAt: eoi.submittedAt ? new Date(eoi.submittedAt) : null,
    answers: eoi.answers,
  });
  const filename = eoi.reference ?? `expression-of-interest-${eoi.id}-draft`;
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}.pdf"`, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

import { readFile } from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findOutboxEmail } from "../../emails/outbox.server";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/data/db.server";

/** The .eml file written for an email when no SMTP server is configured. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { role: "programme_manager" });
  const row = await findOutboxEmail(getDb(), Number(params.id));
  if (!row?.eml_path) throw new Response("Not found", { status: 404 });
  const body = await readFile(row.eml_path);
  return new Response(body, {
    headers: { "Content-Type": "message/rfc822", "Content-Disposition": `attachment; filename="email-${row.id}.eml"`, "X-Content-Type-Options": "nosniff" },
  });
}

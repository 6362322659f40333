import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { findOutboxEmail } from "../../emails/outbox.server";
import { requireUser } from "~/auth/session.server";
import { BackLink, SummaryList } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.subject ?? "Email");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { role: "programme_manager" });
  const row = await findOutboxEmail(getDb(), Number(params.id));
  if (!row) throw new Response("Not found", { status: 404 });
  const attachments = row.attachments_json ? (JSON.parse(row.attachments_json) as Array<{ filename: string }>).map((a) => a.filename) : [];
  return {
    id: Number(row.id),
    to: row.to_address as string,
    cc: row.cc as string | null,
    subject: row.subject as string,
    text: row.text_body as string,
    status: row.status as string,
    attempts: Number(row.attempts),
    lastError: row.last_error as string | null,
    created: formatDateTimeLondon(new Date(row.created_at)),
    sent: row.sent_at ? formatDateTimeLondon(new Date(row.sent_at)) : null,
    hasEml: Boolean(row.eml_path),
    attachments,
  };
}

export default function EmailPage() {
  const email = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/manage/emails" text="Back to emails" />
      <h1 className="govuk-heading-l">{email.subject}</h1>
      <SummaryList
        rows={[
          { key: { text: "To" }, value: { text: email.to } },
          ...(email.cc ? [{ key: { text: "Copy to" }, value: { text: email.cc } }] : []),
          { key: { text: "Created" }, value: { text: email.created } },
          { key: { text: "Status" }, value: { text: email.sent ? `Sent ${email.sent}` : `Not sent yet (${email.attempts} attempts)` } },
          ...(email.lastError ? [{ key: { text: "Last error" }, value: { text: email.lastError } }] : []),
          ...(email.attachments.length ? [{ key: { text: "Attachments" }, value: { text: email.attachments.join(", ") } }] : []),
        ]}
      />
      {email.hasEml ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/manage/emails/${email.id}/eml`} download>
            Download the .eml file
          </a>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Message</h2>
      <pre className="govuk-body app-email-text">{email.text}</pre>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listOutbox } from "../../emails/outbox.server";
import { requireUser } from "~/auth/session.server";
import { Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Emails");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "programme_manager" });
  const rows = await listOutbox(getDb());
  return {
    smtp: Boolean(process.env.SMTP_URL),
    emails: rows.map((r) => ({ ...r, created: formatDateTimeLondon(new Date(r.createdAt)) })),
  };
}

const STATUS_TAG: Record<string, { text: string; classes: string }> = {
  sent: { text: "Sent", classes: "govuk-tag--green" },
  pending: { text: "Waiting", classes: "govuk-tag--yellow" },
  sending: { text: "Sending", classes: "govuk-tag--blue" },
};

/** every email the service has sent or is trying to send. */
export default function Emails() {
  const { emails, smtp } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Emails</h1>
      <p className="govuk-body">
        {smtp
          ? "Emails are sent by SMTP. A failed send is tried again with a growing delay until it is delivered."
          : "No SMTP server is configured, so each email is written as an .eml file under data/mail/. Open one to read it or download the file."}
      </p>
      {emails.length === 0 ? (
        <p className="govuk-body">No emails yet.</p>
      ) : (
        <Table
          caption="Emails, newest first"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "Created" }, { text: "To" }, { text: "Subject" }, { text: "Status" }, { text: "Attempts", format: "numeric" }]}
          rows={emails.map((e) => [
            { text: e.created },
            { text: e.toAddress },
            { html: <a className="govuk-link" href={`/manage/emails/${e.id}`}>{e.subject}</a> },
            { html: <Tag {...(STATUS_TAG[e.status] ?? { text: e.status, classes: "" })} /> },
            { text: String(e.attempts), format: "numeric" },
          ])}
        />
      )}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { BackLink, SummaryList } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { ApplicationMissingError } from "~/services/application-review.server";
import { loadAwardForManager } from "~/services/award.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Grant award: ${data.authorityName}` : "Grant award");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  if (!/^\d+$/.test(params.id ?? "")) throw new Response("Not found", { status: 404 });
  let loaded;
  try {
    loaded = await loadAwardForManager(getDb(), { actor, awardId: Number(params.id) });
  } catch (error) {
    if (error instanceof ApplicationMissingError) throw new Response("Not found", { status: 404 });
    throw error;
  }
  const { award, letter } = loaded;
  return {
    id: award.id,
    applicationId: award.applicationId,
    grantId: letter.grantId,
    authorityName: award.authorityName,
    region: award.region,
    amount: formatMoney(award.amountPence),
    clgRequest: formatMoney(award.clgRequestPence),
    awardedAt: formatDateTimeLondon(new Date(award.awardedAt)),
    version: letter.versionNumber,
    status: award.status,
    acceptance: award.status === "accepted" ? { by: `${award.acceptingOfficerName}, ${award.acceptingOfficerRole}`, date: award.acceptanceDate ? formatDateLondon(award.acceptanceDate) : "", recorded: award.acceptedAt ? formatDateTimeLondon(new Date(award.acceptedAt)) : "" } : null,
    timetable: letter.timetable.map((r) => ({ title: r.title, due: formatDateLondon(r.due) })),
  };
}

/** R-52 R-53 One grant award: its offer, acceptance and the start of the pilot. */
export default function ManageAward() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/manage/awards" text="Back to grant awards" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{page.region}</span>
          <h1 className="govuk-heading-l">{page.authorityName}</h1>
          <SummaryList
            rows={[
              { key: { text: "Grant reference" }, value: { text: page.grantId } },
              { key: { text: "Grant" }, value: { text: page.amount } },
              { key: { text: "Requested from CLG" }, value: { text: page.clgRequest } },
              { key: { text: "Awarded" }, value: { text: page.awardedAt } },
              { key: { text: "Detailed application" }, value: { html: <Link className="govuk-link" to={`/manage/applications/${page.applicationId}?version=${page.version}`}>Version {page.version}</Link> } },
              { key: { text: "Offer" }, value: { text: page.acceptance ? "Accepted – the pilot has started and the health check visit has been offered" : "Sent – waiting for the authority to accept" } },
              ...(page.acceptance
                ? [
                    { key: { text: "Accepted by" }, value: { text: page.acceptance.by } },
                    { key: { text: "Date of acceptance" }, value: { text: page.acceptance.date } },
                    { key: { text: "Recorded" }, value: { text: page.acceptance.recorded } },
                  ]
                : []),
            ]}
          />
          <p className="govuk-body">
            <a className="govuk-link" href={`/manage/awards/${page.id}/offer.pdf`}>
              Download the grant offer letter (PDF)
            </a>
          </p>
          <h2 className="govuk-heading-m">Reporting timetable</h2>
          <SummaryList rows={page.timetable.map((r) => ({ key: { text: r.due }, value: { text: r.title } }))} />
        </div>
      </div>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { SummaryList, Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { loadApplicationsOverview } from "~/services/application-review.server";
import { pageTitle } from "~/utils/page";
import { APPLICATION_TAG } from "./manage.applications._shared/status-tag";

export const meta: MetaFunction = () => pageTitle("Detailed applications");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const overview = await loadApplicationsOverview(getDb(), { actor });
  if (!overview) return { round: null, items: [], totals: null };
  const { round, items, totalAwardedPence } = overview;
  return {
    round: { name: round.name, due: formatDateTimeLondon(new Date(round.detailedDueAt)) },
    totals: { awarded: formatMoney(totalAwardedPence), fund: formatMoney(round.totalFundPence), left: formatMoney(round.totalFundPence - totalAwardedPence), awards: items.filter((i) => i.award).length },
    items: items.map((item) => ({
      region: item.region,
      authorityName: item.authorityName,
      reference: item.invitation.eoiReference,
      applicationId: item.application?.id ?? null,
      state: item.application?.status ?? ("not started" as const),
      versions: item.application?.submissionCount ?? 0,
      clgRequest: item.clgRequestPence === null ? "–" : formatMoney(item.clgRequestPence),
      award: item.award ? `${formatMoney(item.award.amountPence)} (${item.award.status === "accepted" ? "accepted" : "offered"})` : "–",
      awardId: item.award?.id ?? null,
    })),
  };
}

/** R-50 R-52 The invited authorities' detailed applications, by region, with what each needs next. */
export default function ManageApplications() {
  const { round, items, totals } = useLoaderData<typeof loader>();
  return (
    <>
      {round ? <span className="govuk-caption-l">{round.name}</span> : null}
      <h1 className="govuk-heading-l">Detailed applications</h1>
      {!round ? (
        <p className="govuk-body">There is no round yet.</p>
      ) : items.length === 0 ? (
        <p className="govuk-body">
          No authority has been invited yet. Invitations are sent when you <Link className="govuk-link" to="/manage/sift">confirm the shortlist</Link>.
        </p>
      ) : (
        <>
          <p className="govuk-body">Detailed applications are due by {round.due}.</p>
          <SummaryList
            rows={[
              { key: { text: "Grant awards" }, value: { text: `${totals!.awards} of ${items.length}` } },
              { key: { text: "Awarded" }, value: { text: `${totals!.awarded} of ${totals!.fund}` } },
              { key: { text: "Left to award" }, value: { text: totals!.left } },
            ]}
          />
          <Table
            caption="Invited authorities and their detailed applications"
            captionClasses="govuk-table__caption--m"
            firstCellIsHeader
            classes="govuk-table--small-text-until-tablet"
            head={[{ text: "Region" }, { text: "Lead authority" }, { text: "Status" }, { text: "Requested from CLG", format: "numeric" }, { text: "Grant award", format: "numeric" }]}
            rows={items.map((item) => [
              { text: item.region },
              {
                html: item.applicationId ? (
                  <>
                    <Link className="govuk-link" to={`/manage/applications/${item.applicationId}`}>
                      {item.authorityName}
                    </Link>
                    <br />
                    <span className="govuk-hint">{item.reference}{item.versions > 1 ? `, ${item.versions} versions` : ""}</span>
                  </>
                ) : (
                  <>
                    {item.authorityName}
                    <br />
                    <span className="govuk-hint">{item.reference}</span>
                  </>
                ),
              },
              { html: <Tag text={APPLICATION_TAG[item.state].text} classes={APPLICATION_TAG[item.state].classes} /> },
              { text: item.clgRequest, format: "numeric" },
              { html: item.awardId ? <Link className="govuk-link" to={`/manage/awards/${item.awardId}`}>{item.award}</Link> : <>{item.award}</>, format: "numeric" },
            ])}
          />
          <p className="govuk-body">
            <Link className="govuk-link" to="/manage/awards">
              Grant awards and 360Giving data
            </Link>
          </p>
        </>
      )}
    </>
  );
}

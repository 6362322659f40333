import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EOI_STATUS_TAG } from "~/components/eoi/eoi-status";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Button, Select, Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { REGIONS, authorityTypeLabel, isAuthorityType } from "~/domain/programme";
import { eoiOverview, readEoiFilters } from "~/services/eoi-admin.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Expressions of interest");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const filters = readEoiFilters(new URL(request.url).searchParams);
  const overview = await eoiOverview(getDb(), { actor, filters });
  return {
    filters,
    round: overview.round && { name: overview.round.name, closes: formatDateTimeLondon(new Date(overview.round.closesAt)) },
    totals: overview.totals,
    byRegion: overview.byRegion,
    eois: overview.eois.map((eoi) => ({
      id: eoi.id,
      authorityName: eoi.authorityName,
      region: eoi.region,
      type: isAuthorityType(eoi.type) ? authorityTypeLabel(eoi.type) : eoi.type,
      reference: eoi.reference,
      status: eoi.status,
      submitted: eoi.submittedAt ? formatDateTimeLondon(new Date(eoi.submittedAt)) : null,
      hardCopy: eoi.hardCopyReceivedAt ? formatDateLondon(eoi.hardCopyReceivedAt) : null,
      extendedTo: eoi.deadlineExtendedTo ? formatDateTimeLondon(new Date(eoi.deadlineExtendedTo)) : null,
    })),
  };
}


const filterHref = (params: Record<string, string>) => `/manage/eois?${new URLSearchParams(params).toString()}`;

/** R-9 Every expression of interest of the round, by region, with status and hard copy; filters and counts. */
export default function ManageEois() {
  const { filters, round, totals, byRegion, eois } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.region || filters.status || filters.hardCopy);
  const regions = REGIONS.filter((region) => eois.some((eoi) => eoi.region === region));
  const numeric = (n: number) => ({ text: n.toLocaleString("en-GB"), format: "numeric" as const });
  return (
    <>
      {round ? <span className="govuk-caption-l">{round.name}</span> : null}
      <h1 className="govuk-heading-l">Expressions of interest</h1>
      {round ? (
        <p className="govuk-body">Expressions of interest close at {round.closes}, unless an authority’s deadline has been extended.</p>
      ) : (
        <p className="govuk-body">There is no round yet.</p>
      )}

      <h2 className="govuk-heading-m">By region</h2>
      <Table
        caption="Expressions of interest by region and status"
        captionClasses="govuk-visually-hidden"
        firstCellIsHeader
        classes="govuk-table--small-text-until-tablet"
        head={[{ text: "Region" }, { text: "Draft", format: "numeric" }, { text: "Submitted", format: "numeric" }, { text: "Withdrawn", format: "numeric" }, { text: "Hard copies received", format: "numeric" }, { text: "Total", format: "numeric" }]}
        rows={[
          ...byRegion.map(({ region, counts }) => [
            { html: <Link className="govuk-link" to={filterHref({ region })}>{region}</Link> },
            numeric(counts.draft),
            numeric(counts.submitted),
            numeric(counts.withdrawn),
            numeric(counts.hardCopies),
            numeric(counts.total),
          ]),
          [{ text: "All regions" }, numeric(totals.draft), numeric(totals.submitted), numeric(totals.withdrawn), numeric(totals.hardCopies), numeric(totals.total)],
        ]}
      />

      <h2 className="govuk-heading-m">Download</h2>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href="/manage/eois/export.csv" download>
            Download all expressions of interest (CSV)
          </a>
        </li>
        <li>
          <a className="govuk-link" href="/manage/eois/export.xlsx" download>
            Download all expressions of interest (Excel spreadsheet)
          </a>
        </li>
      </ul>

      <h2 className="govuk-heading-m">Find expressions of interest</h2>
      <Form method="get" action="/manage/eois">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="region"
              name="region"
              label={{ text: "Region" }}
              value={filters.region ?? ""}
              items={[{ value: "", text: "All regions" }, ...REGIONS.map((region) => ({ value: region, text: region }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="status"
              name="status"
              label={{ text: "Status" }}
              value={filters.status ?? ""}
              items={[{ value: "", text: "All statuses" }, { value: "draft", text: "Draft" }, { value: "submitted", text: "Submitted" }, { value: "withdrawn", text: "Withdrawn" }]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="hardCopy"
              name="hardCopy"
              label={{ text: "Hard copy" }}
              value={filters.hardCopy ?? ""}
              items={[{ value: "", text: "Received or not" }, { value: "received", text: "Received" }, { value: "not-received", text: "Submitted, not received" }]}
            />
          </div>
        </div>
        <Button text="Apply filters" classes="govuk-button--secondary" />
        {filtered ? (
          <p className="govuk-body">
            <Link className="govuk-link" to="/manage/eois">
              Clear filters
            </Link>
          </p>
        ) : null}
      </Form>

      <p className="govuk-body" role="status">
        {filtered ? `${eois.length} of ${totals.total} expressions of interest match` : `${totals.total} expressions of interest`}
      </p>

      {regions.map((region) => (
        <Table
          key={region}
          caption={region}
          captionClasses="govuk-table__caption--m"
          firstCellIsHeader
          classes="govuk-table--small-text-until-tablet"
          head={[
            { text: "Lead authority", classes: "govuk-!-width-one-third" },
            { text: "Status" },
            { text: "Submitted", classes: "govuk-!-width-one-quarter" },
            { text: "Hard copy", classes: "govuk-!-width-one-quarter" },
          ]}
          rows={eois
            .filter((eoi) => eoi.region === region)
            .map((eoi) => [
              {
                html: (
                  <>
                    <Link className="govuk-link" to={`/manage/eois/${eoi.id}`}>
                      {eoi.authorityName}
                    </Link>
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">
                      {eoi.type}
                      {eoi.reference ? `, ${eoi.reference}` : ""}
                    </span>
                  </>
                ),
              },
              { html: <Tag {...EOI_STATUS_TAG[eoi.status]} /> },
              { text: eoi.submitted ?? (eoi.extendedTo ? `Not yet – deadline extended to ${eoi.extendedTo}` : "Not yet") },
              { text: eoi.status === "draft" ? "Not applicable" : (eoi.hardCopy ?? "Not received") },
            ])}
        />
      ))}
    </>
  );
}

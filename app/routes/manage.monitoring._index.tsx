import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import chartsCss from "~/components/charts/charts.css?url";
import { ClaimsOverTimeChart, OutputStatusChart, SpendByRegionChart } from "~/components/charts/dashboard-charts";
import { TableScroll } from "~/components/charts/TableScroll";
import { SummaryList, Table, Tag } from "~/components/govuk";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import type { PilotSummary } from "~/domain/monitoring/dashboard";
import { outputStatusLabel, outputStatusTagClass } from "~/domain/monitoring/outputs";
import { OUTPUTS } from "~/domain/programme";
import { loadMonitoringDashboard } from "~/services/monitoring-dashboard.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Pilot monitoring");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsCss }];

// R-64 The programme dashboard, for the programme manager only (R-20).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const { round, today, dashboard } = await orPilotResponse(() => loadMonitoringDashboard(getDb(), { actor, now: now() }));
  return {
    round: round ? { name: round.name, maxAwardPence: round.maxAwardPence } : null,
    today,
    dashboard,
  };
}

// The report states worth a tag on a card; a quarter in progress or not started goes without.
const NOTABLE_REPORT_STATES = new Set(["overdue", "due-soon", "queried", "open"]);
const HEALTH_CHECK_WORDS = {
  none: "Not visited yet",
  recorded: "Visit recorded",
  agreed: "Report agreed",
} as const;

function RegionCard({ region, pilot }: { region: string; pilot: PilotSummary | null }) {
  if (!pilot) {
    return (
      <div className="govuk-summary-card app-region-card">
        <div className="govuk-summary-card__title-wrapper">
          <h3 className="govuk-summary-card__title">{region}</h3>
        </div>
        <div className="govuk-summary-card__content">
          <p className="govuk-body govuk-!-margin-bottom-0">No pilot in this region.</p>
        </div>
      </div>
    );
  }
  const next = pilot.nextReport;
  return (
    <SummaryList
      card={{
        title: { text: region, headingLevel: 3 },
        classes: "app-region-card",
      }}
      rows={[
        {
          key: { text: "Pilot" },
          value: {
            html: (
              <Link className="govuk-link" to={`/manage/monitoring/pilots/${pilot.awardId}`}>
                {pilot.authorityName}
              </Link>
            ),
          },
        },
        {
          key: { text: "Award" },
          value: { text: formatMoney(pilot.awardPence) },
        },
        {
          key: { text: "Claimed" },
          value: {
            text: `${formatMoney(pilot.approvedPence)} approved${pilot.pendingPence ? `, ${formatMoney(pilot.pendingPence)} waiting` : ""}`,
          },
        },
        {
          key: { text: "Next report" },
          value: {
            html: next ? (
              <>
                Due {formatDateLondon(next.due)}
                {NOTABLE_REPORT_STATES.has(next.state.key) ? (
                  <>
                    {" "}
                    <Tag text={next.state.label} classes={next.state.tagClass.replace("govuk-tag ", "")} />
                  </>
                ) : null}
              </>
            ) : (
              "All reports in"
            ),
          },
        },
        {
          key: { text: "Status" },
          value: {
            html: (
              <>
                {pilot.needsAttention ? <Tag text="Needs attention" classes="govuk-tag--red govuk-!-margin-bottom-1" /> : <Tag text="No problems" classes="govuk-tag--green govuk-!-margin-bottom-1" />}
                <br />
                {pilot.summary}. Health check: {HEALTH_CHECK_WORDS[pilot.healthCheck].toLowerCase()}.
              </>
            ),
          },
        },
      ]}
    />
  );
}

export default function MonitoringDashboard() {
  const { round, today, dashboard } = useLoaderData<typeof loader>();
  const pilots = dashboard.regions.filter((r) => r.pilot).length;
  const { money, overdue } = dashboard;
  const rows = [dashboard.regions.slice(0, 3), dashboard.regions.slice(3, 6), dashboard.regions.slice(6, 9)];
  return (
    <>
      {round ? <span className="govuk-caption-l">{round.name}</span> : null}
      <h1 className="govuk-heading-l">Pilot monitoring</h1>
      <p className="govuk-body">
        {pilots === 1 ? "1 pilot" : `${pilots} pilots`} in {dashboard.regions.length} regions, on {formatDateLondon(today)}.{" "}
        <Link className="govuk-link" to="/manage/monitoring/exports">
          Download outputs, reports and claims
        </Link>
      </p>

      <h2 className="govuk-heading-m">Overdue and late</h2>
      {overdue.reports.length === 0 && overdue.outputs.length === 0 ? (
        <p className="govuk-body">No report is overdue and no output is late.</p>
      ) : (
        <>
          <h3 className="govuk-heading-s">{overdue.reports.length === 1 ? "1 report overdue" : `${overdue.reports.length} reports overdue`}</h3>
          {overdue.reports.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {overdue.reports.map((r) => (
                <li key={`${r.awardId}-${r.quarter}`}>
                  <Link className="govuk-link" to={`/manage/monitoring/pilots/${r.awardId}#reports`}>
                    {r.authorityName} ({r.region})
                  </Link>
                  : report for {r.quarter}, due {formatDateLondon(r.due)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">None.</p>
          )}
          <h3 className="govuk-heading-s">{overdue.outputs.length === 1 ? "1 output late" : `${overdue.outputs.length} outputs late`}</h3>
          {overdue.outputs.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {overdue.outputs.map((o) => (
                <li key={`${o.awardId}-${o.key}`}>
                  <Link className="govuk-link" to={`/manage/monitoring/pilots/${o.awardId}/outputs`}>
                    {o.authorityName} ({o.region})
                  </Link>
                  : output {o.key}, {o.title}
                  {o.due ? `, due ${formatDateLondon(o.due)}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">None.</p>
          )}
        </>
      )}

      <h2 className="govuk-heading-m">Awards and spend against the fund</h2>
      <SummaryList
        rows={[
          {
            key: { text: "Fund" },
            value: { text: formatMoney(money.fundPence) },
          },
          {
            key: { text: "Awarded" },
            value: {
              text: `${formatMoney(money.awardedPence)}${money.offeredPence ? ` (${formatMoney(money.offeredPence)} of it offered, not yet accepted)` : ""}`,
            },
          },
          {
            key: { text: "Approved claims" },
            value: { text: formatMoney(money.approvedPence) },
          },
          {
            key: { text: "Claims waiting for a decision" },
            value: { text: formatMoney(money.pendingPence) },
          },
          {
            key: { text: "Awarded, not yet claimed" },
            value: { text: formatMoney(money.unclaimedPence) },
          },
          {
            key: { text: "Not allocated" },
            value: { text: formatMoney(money.unallocatedPence) },
          },
        ]}
      />

      <h2 className="govuk-heading-m">The nine regions</h2>
      {rows.map((row, index) => (
        <div className="govuk-grid-row" key={index}>
          {row.map(({ region, pilot }) => (
            <div className="govuk-grid-column-one-third" key={region}>
              <RegionCard region={region} pilot={pilot} />
            </div>
          ))}
        </div>
      ))}

      <TableScroll label="Outputs A to F by region">
        <Table
          caption="Outputs A to F by region"
          captionClasses="govuk-table__caption--m"
          classes="govuk-table--small-text-until-tablet"
          firstCellIsHeader
          head={[
            { text: "Region" },
            ...OUTPUTS.map((o) => ({
              html: <abbr title={o.title}>{o.key}</abbr>,
            })),
          ]}
          rows={dashboard.regions.map(({ region, pilot }, index) => [
            {
              html: pilot ? (
                <Link className="govuk-link" to={`/manage/monitoring/pilots/${pilot.awardId}/outputs`}>
                  {region}
                </Link>
              ) : (
                region
              ),
            },
            ...(pilot
              ? dashboard.matrix.map((row) => {
                  const status = row.cells[index]!.status!;
                  return {
                    html: <Tag text={outputStatusLabel(status)} classes={outputStatusTagClass(status)} />,
                  };
                })
              : [{ text: "No pilot in this region", colspan: OUTPUTS.length }]),
          ])}
        />
      </TableScroll>
      <p className="govuk-body-s">Outputs: {OUTPUTS.map((o) => `${o.key} ${o.title}`).join("; ")}. An output not complete by its due date is shown as late.</p>

      <SpendByRegionChart dashboard={dashboard} maxAwardPence={round?.maxAwardPence ?? 0} />
      <OutputStatusChart dashboard={dashboard} />
      <ClaimsOverTimeChart dashboard={dashboard} today={today} />
    </>
  );
}

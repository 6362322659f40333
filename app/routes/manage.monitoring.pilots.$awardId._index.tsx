import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import chartsCss from "~/components/charts/charts.css?url";
import { TableScroll } from "~/components/charts/TableScroll";
import { BackLink, SummaryList, Table, Tag } from "~/components/govuk";
import { now } from "~/clock.server";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { outputStatusLabel, outputStatusTagClass } from "~/domain/monitoring/outputs";
import { focusAreaLabel } from "~/domain/programme";
import { loadPilotOverview } from "~/services/monitoring-dashboard.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Pilot: ${data.authorityName}` : "Pilot");

// R-60 – R-64 One pilot at a glance for the programme manager (R-20: manager only), with the way
// in to its outputs, reports, claims, health check visit and (for the CSE-focus pilot) CSE evidence.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  if (!/^\d+$/.test(params.awardId ?? "")) throw new Response("Not found", { status: 404 });
  const overview = await orPilotResponse(() =>
    loadPilotOverview(getDb(), {
      actor,
      awardId: Number(params.awardId),
      now: now(),
    })
  );
  const { pilot, summary, claims, healthCheck, cse } = overview;
  return {
    awardId: pilot.award.id,
    authorityName: pilot.award.authorityName,
    region: pilot.award.region,
    grantId: pilot.letter.grantId,
    amountPence: pilot.award.amountPence,
    runs: `${formatDateLondon(pilot.programme.startBy)} to ${formatDateLondon(pilot.programme.endsOn)}`,
    acceptedBy: pilot.award.acceptingOfficerName
      ? `${pilot.award.acceptingOfficerName}, ${pilot.award.acceptingOfficerRole ?? ""}${pilot.award.acceptanceDate ? `, on ${formatDateLondon(pilot.award.acceptanceDate)}` : ""}`
      : null,
    focusArea: pilot.focusArea ? focusAreaLabel(pilot.focusArea) : null,
    summary,
    claims,
    healthCheck,
    cse: cse ? { covered: cse.covered, total: cse.total } : null,
  };
}

const SENT = new Set(["submitted", "queried", "accepted"]);

export default function PilotOverview() {
  const data = useLoaderData<typeof loader>();
  const { summary, claims, healthCheck, cse, awardId } = data;
  const base = `/manage/monitoring/pilots/${awardId}`;
  return (
    <>
      <BackLink href="/manage/monitoring" text="Back to pilot monitoring" />
      <span className="govuk-caption-l">{data.region}</span>
      <h1 className="govuk-heading-l">{data.authorityName}</h1>
      {summary.needsAttention ? <Tag text="Needs attention" classes="govuk-tag--red govuk-!-margin-bottom-4" /> : null}
      <SummaryList
        rows={[
          {
            key: { text: "Grant" },
            value: {
              html: (
                <>
                  <Link className="govuk-link" to={`/manage/awards/${awardId}`}>
                    {formatMoney(data.amountPence)}
                  </Link>{" "}
                  ({data.grantId})
                </>
              ),
            },
          },
          { key: { text: "Pilot runs" }, value: { text: data.runs } },
          data.acceptedBy
            ? {
                key: { text: "Offer accepted by" },
                value: { text: data.acceptedBy },
              }
            : null,
          {
            key: { text: "Focus area" },
            value: { text: data.focusArea ?? "None" },
          },
          { key: { text: "Status" }, value: { text: summary.summary } },
        ]}
      />

      <h2 className="govuk-heading-m" id="outputs">
        Outputs
      </h2>
      <TableScroll label="Outputs A to F">
        <Table
          caption="Outputs A to F"
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[{ text: "Output" }, { text: "Due" }, { text: "Status" }]}
          rows={summary.outputs.map((o) => [
            { text: `${o.key}: ${o.title}` },
            { text: o.due ? formatDateLondon(o.due) : "No date in the plan" },
            {
              html: <Tag text={outputStatusLabel(o.status)} classes={outputStatusTagClass(o.status)} />,
            },
          ])}
        />
      </TableScroll>
      <p className="govuk-body">
        <Link className="govuk-link" to={`${base}/outputs`}>
          See the outputs, their updates and records
        </Link>
      </p>

      <h2 className="govuk-heading-m" id="reports">
        Quarterly reports
      </h2>
      {summary.reports.length ? (
        <TableScroll label="Quarterly reports">
          <Table
            caption="Quarterly reports"
            captionClasses="govuk-visually-hidden"
            firstCellIsHeader
            head={[{ text: "Report" }, { text: "Due" }, { text: "State" }]}
            rows={summary.reports.map((r) => [
              // A report the pilot has sent opens on the programme team's page for it.
              r.reportId && SENT.has(r.state.key) ? { html: <Link className="govuk-link" to={`/manage/monitoring/reports/${r.reportId}`}>{r.title}</Link> } : { text: r.title },
              { text: formatDateLondon(r.due) },
              {
                html: <Tag text={r.state.label} classes={r.state.tagClass.replace("govuk-tag ", "")} />,
              },
            ])}
          />
        </TableScroll>
      ) : (
        <p className="govuk-body">No reports are scheduled.</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/manage/monitoring/reports">
          Review quarterly reports
        </Link>
      </p>

      <h2 className="govuk-heading-m" id="claims">
        Grant claims
      </h2>
      <SummaryList
        rows={[
          {
            key: { text: "Award" },
            value: { text: formatMoney(claims.awardPence) },
          },
          {
            key: { text: "Approved" },
            value: { text: formatMoney(claims.approvedPence) },
          },
          {
            key: { text: "Waiting for a decision" },
            value: { text: formatMoney(claims.pendingPence) },
          },
          {
            key: { text: "Left to claim" },
            value: { text: formatMoney(claims.remainingPence) },
          },
          {
            key: { text: "Claims made" },
            value: {
              text: `${claims.count}${claims.rejectedPence ? ` (${formatMoney(claims.rejectedPence)} rejected)` : ""}`,
            },
          },
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to="/manage/monitoring/claims">
          Decide grant claims
        </Link>
      </p>

      <h2 className="govuk-heading-m" id="health-check">
        Customer service health check visit
      </h2>
      <p className="govuk-body">
        {healthCheck
          ? healthCheck.status === "agreed"
            ? `Visited on ${formatDateLondon(healthCheck.visitDate)}; the report has been agreed with the pilot.`
            : `Visit recorded for ${formatDateLondon(healthCheck.visitDate)}; the report is not agreed yet.`
          : "No visit has been recorded yet."}
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`${base}/health-check`}>
          {healthCheck ? "See the health check visit" : "Record the health check visit"}
        </Link>
      </p>

      {cse ? (
        <>
          <h2 className="govuk-heading-m" id="cse">
            Customer Service Excellence evidence
          </h2>
          <p className="govuk-body">
            Evidence for {cse.covered} of the {cse.total} elements of the standard.
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to={`${base}/cse`}>
              See the CSE evidence and coverage
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}

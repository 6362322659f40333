import { formatDateLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import type { Dashboard } from "~/domain/monitoring/dashboard";
import { OUTPUT_STATUS_KEYS } from "~/domain/monitoring/outputs";
import { ChartFigure } from "./ChartFigure";
import { ColumnChart } from "./ColumnChart";
import { Legend } from "./Patterns";
import { MONEY_STYLES, OUTPUT_STATUS_STYLES } from "./palette";
import { StackedBars } from "./StackedBars";

// R-64 The programme dashboard's three charts, each with its text alternative and the table of
// the same numbers. Numbers are pence in, pounds out.

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "0%");

/** "£412k", "£900k", "£0": short enough to sit above a column at 320 px. */
export function shortMoney(pence: number): string {
  const pounds = pence / 100;
  if (pounds >= 1_000_000) return `£${(pounds / 1_000_000).toFixed(pounds % 1_000_000 === 0 ? 0 : 2)}m`;
  if (pounds >= 1_000) return `£${Math.round(pounds / 1_000)}k`;
  return `£${Math.round(pounds)}`;
}

/** R-62 R-64 Each region's approved and waiting claims against its award (bars scaled to the largest award allowed). */
export function SpendByRegionChart({ dashboard, maxAwardPence }: { dashboard: Dashboard; maxAwardPence: number }) {
  const pilots = dashboard.regions.flatMap((r) => (r.pilot ? [r.pilot] : []));
  const description = pilots.length
    ? `For each region with a pilot, the bar's outline is the award and the filled part the claims: ${pilots
        .map((p) => `${p.region}, ${formatMoney(p.approvedPence)} approved and ${formatMoney(p.pendingPence)} waiting of ${formatMoney(p.awardPence)}`)
        .join("; ")}.${
        dashboard.regions.some((r) => !r.pilot)
          ? ` No pilot in ${dashboard.regions
              .filter((r) => !r.pilot)
              .map((r) => r.region)
              .join(", ")}.`
          : ""
      }`
    : "No region has a pilot yet.";
  return (
    <ChartFigure
      id="spend-by-region"
      heading="Spend against award by region"
      chart={
        <StackedBars
          id="spend-chart"
          title="Claims against each pilot's award, by region"
          description={description}
          max={Math.max(maxAwardPence, ...pilots.map((p) => p.awardPence))}
          rows={dashboard.regions.map(({ region, pilot }) => ({
            label: region,
            note: pilot ? `${percent(pilot.approvedPence, pilot.awardPence)} claimed` : "No pilot",
            track: pilot ? { value: pilot.awardPence, label: "Award" } : undefined,
            segments: pilot
              ? [
                  { value: pilot.approvedPence, style: MONEY_STYLES.approved },
                  { value: pilot.pendingPence, style: MONEY_STYLES.pending },
                ]
              : [],
          }))}
        />
      }
      legend={
        <>
          <Legend prefix="spend" styles={[MONEY_STYLES.approved, MONEY_STYLES.pending]} />
          <p className="govuk-body-s">Each bar’s grey outline is the pilot’s award, on a scale where the full width is {formatMoney(maxAwardPence)}.</p>
        </>
      }
      table={{
        caption: "Claims against award by region",
        head: [
          { text: "Region" },
          { text: "Award", format: "numeric" },
          { text: "Approved claims", format: "numeric" },
          { text: "Claims waiting", format: "numeric" },
          { text: "Claimed", format: "numeric" },
        ],
        rows: dashboard.regions.map(({ region, pilot }) =>
          pilot
            ? [
                { text: region },
                { text: formatMoney(pilot.awardPence), format: "numeric" },
                { text: formatMoney(pilot.approvedPence), format: "numeric" },
                { text: formatMoney(pilot.pendingPence), format: "numeric" },
                {
                  text: percent(pilot.approvedPence, pilot.awardPence),
                  format: "numeric",
                },
              ]
            : [{ text: region }, { text: "No pilot", colspan: 4 }]
        ),
      }}
    />
  );
}

/** R-60 R-64 For each output A–F, how many pilots have it at each status (stacked). */
export function OutputStatusChart({ dashboard }: { dashboard: Dashboard }) {
  const pilots = dashboard.statusCounts[0]?.pilots ?? 0;
  const words = (counts: Record<string, number>) =>
    OUTPUT_STATUS_KEYS.filter((key) => counts[key]! > 0)
      .map((key) => `${counts[key]} ${OUTPUT_STATUS_STYLES[key].label.toLowerCase()}`)
      .join(", ");
  const description = pilots ? `Of the ${pilots} pilots: ${dashboard.statusCounts.map((row) => `output ${row.key}, ${words(row.counts)}`).join("; ")}.` : "No pilots yet.";
  return (
    <ChartFigure
      id="output-statuses"
      heading="Output statuses"
      chart={
        <StackedBars
          id="status-chart"
          title="Outputs A to F: how many pilots are at each status"
          description={description}
          max={Math.max(pilots, 1)}
          rows={dashboard.statusCounts.map((row) => ({
            label: `${row.key}: ${row.title}`,
            segments: OUTPUT_STATUS_KEYS.map((key) => ({
              value: row.counts[key],
              style: OUTPUT_STATUS_STYLES[key],
              label: String(row.counts[key]),
            })),
          }))}
        />
      }
      legend={<Legend prefix="status" styles={OUTPUT_STATUS_KEYS.map((key) => OUTPUT_STATUS_STYLES[key])} />}
      table={{
        caption: "Pilots at each status, by output",
        head: [
          { text: "Output" },
          ...OUTPUT_STATUS_KEYS.map((key) => ({
            text: OUTPUT_STATUS_STYLES[key].label,
            format: "numeric",
          })),
        ],
        rows: dashboard.statusCounts.map((row) => [
          { text: `${row.key}: ${row.title}` },
          ...OUTPUT_STATUS_KEYS.map((key) => ({
            text: String(row.counts[key]),
            format: "numeric",
          })),
        ]),
      }}
    />
  );
}

/** R-62 R-64 Claims over time: approved (and waiting) claims so far at each quarter, against the awards and the fund. */
export function ClaimsOverTimeChart({ dashboard, today }: { dashboard: Dashboard; today: string }) {
  const quarters = dashboard.claimsByQuarter;
  const { fundPence, awardedPence } = dashboard.money;
  const last = quarters[quarters.length - 1];
  const description = quarters.length
    ? `Claims so far at the end of each quarter, against the awards of ${formatMoney(awardedPence)} and the fund of ${formatMoney(fundPence)}: ${quarters
        .map((q) => `${q.quarter}, ${formatMoney(q.cumulativeApprovedPence)} approved${q.cumulativePendingPence ? ` and ${formatMoney(q.cumulativePendingPence)} waiting` : ""}`)
        .join("; ")}. ${last ? `${percent(last.cumulativeApprovedPence, fundPence)} of the fund has been claimed and approved by ${formatDateLondon(today)}.` : ""}`
    : "No quarter of the programme has begun yet.";
  return (
    <ChartFigure
      id="claims-over-time"
      heading="Claims over time against the fund"
      chart={
        <ColumnChart
          id="claims-chart"
          title="Claims so far at each quarter, against the awards and the fund"
          description={description}
          max={fundPence}
          lines={[
            {
              value: fundPence,
              label: `Fund ${formatMoney(fundPence)}`,
              dashed: true,
            },
            ...(awardedPence && awardedPence < fundPence * 0.93
              ? [
                  {
                    value: awardedPence,
                    label: `Awarded ${formatMoney(awardedPence)}`,
                  },
                ]
              : []),
          ]}
          columns={quarters.map((q) => ({
            label: q.quarter.replace(/^(Q\d) /, "$1\u00a0"),
            note: shortMoney(q.cumulativeApprovedPence + q.cumulativePendingPence),
            segments: [
              {
                value: q.cumulativeApprovedPence,
                style: MONEY_STYLES.approved,
              },
              { value: q.cumulativePendingPence, style: MONEY_STYLES.pending },
            ],
          }))}
        />
      }
      legend={
        <>
          <Legend prefix="claims" styles={[MONEY_STYLES.approved, MONEY_STYLES.pending]} />
          <p className="govuk-body-s">Each column is the running total of claims at that quarter; a claim counts in the quarter its period ends in. Rejected claims are left out.</p>
        </>
      }
      table={{
        caption: "Claims by quarter",
        head: [
          { text: "Quarter" },
          { text: "Approved in the quarter", format: "numeric" },
          { text: "Approved so far", format: "numeric" },
          { text: "Waiting so far", format: "numeric" },
          { text: "Of the fund", format: "numeric" },
        ],
        rows: quarters.map((q) => [
          { text: q.quarter },
          { text: formatMoney(q.approvedPence), format: "numeric" },
          { text: formatMoney(q.cumulativeApprovedPence), format: "numeric" },
          { text: formatMoney(q.cumulativePendingPence), format: "numeric" },
          {
            text: percent(q.cumulativeApprovedPence, fundPence),
            format: "numeric",
          },
        ]),
      }}
    />
  );
}

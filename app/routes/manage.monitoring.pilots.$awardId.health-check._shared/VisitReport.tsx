import { SummaryList, Table, Tag } from "~/components/govuk";
import type { VisitView } from "./view.server";

// R-63 R-11 The visit as read: date, team and sectors, findings by probe group, summary and
// agreement. Shared by the programme manager's pages and the pilot's read-only page.

export function VisitStatusTag({ status }: { status: "recorded" | "agreed" }) {
  return status === "agreed" ? <Tag text="Report agreed" classes="govuk-tag--green" /> : <Tag text="Draft – not yet agreed" classes="govuk-tag--yellow" />;
}

const RATING_COLOURS: Record<string, string> = { strength: "govuk-tag--green", "area-to-develop": "govuk-tag--orange", "not-seen": "govuk-tag--grey" };

function RatingTag({ rating, label }: { rating: string; label: string }) {
  return <Tag text={label} classes={RATING_COLOURS[rating]} />;
}

export function VisitReport({ visit, changeLinks }: { visit: VisitView; changeLinks?: { details: string; findings: string } }) {
  const change = (href: string | undefined, what: string) => (href ? { items: [{ href, text: "Change", visuallyHiddenText: what }] } : undefined);
  return (
    <>
      <SummaryList
        rows={[
          { key: { text: "Report" }, value: { html: <VisitStatusTag status={visit.status} /> } },
          { key: { text: "Date of the visit" }, value: { text: visit.visitDate }, actions: change(changeLinks?.details, "date of the visit") },
          { key: { text: "Sectors of the team" }, value: { text: visit.sectors.text }, actions: change(changeLinks?.details, "visiting team") },
          ...(visit.agreedWith ? [{ key: { text: "Agreed with" }, value: { text: `${visit.agreedWith}, ${visit.agreedAt}` } }] : []),
        ]}
      />
      <Table
        caption="The visiting team"
        captionClasses="govuk-table__caption--m"
        head={[{ text: "Name" }, { text: "Organisation" }, { text: "Sector" }]}
        rows={visit.team.map((m) => [{ text: m.name }, { text: m.organisation }, { text: m.sectorLabel }])}
      />
      <h2 className="govuk-heading-l">Findings</h2>
      {changeLinks ? (
        <p className="govuk-body">
          <a className="govuk-link" href={changeLinks.findings}>
            Change the findings and summary
          </a>
        </p>
      ) : null}
      {visit.groups.map((group) => (
        <div key={group.key}>
          <h3 className="govuk-heading-m">{group.title}</h3>
          <p className="govuk-hint">The benchmark: {group.description}.</p>
          {group.probes.map((probe) => (
            <div key={probe.id} className="govuk-!-margin-bottom-6">
              <h4 className="govuk-heading-s govuk-!-margin-bottom-2">{probe.text}</h4>
              {probe.ratingLabel ? <RatingTag rating={probe.rating} label={probe.ratingLabel} /> : null}
              {probe.finding ? (
                <p className="govuk-body govuk-!-margin-top-2" style={{ whiteSpace: "pre-wrap" }}>
                  {probe.finding}
                </p>
              ) : (
                <p className="govuk-body govuk-hint govuk-!-margin-top-2">No finding recorded</p>
              )}
            </div>
          ))}
          <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
        </div>
      ))}
      <h2 className="govuk-heading-l">Summary</h2>
      {visit.summary ? <p className="govuk-body" style={{ whiteSpace: "pre-wrap" }}>{visit.summary}</p> : <p className="govuk-body govuk-hint">No summary written yet</p>}
    </>
  );
}

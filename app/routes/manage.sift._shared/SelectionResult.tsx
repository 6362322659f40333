// R-43 A selection's answer as the programme manager reads it: the picks by region, why a pick is
// not the region's top scorer and the points given up, the reserves, and the spread met and unmet.

import { SummaryList, Table, Tag } from "~/components/govuk";
import { formatMoney } from "~/domain/money";
import type { SelectionResult } from "~/domain/selection";
import { REGIONS } from "~/domain/programme";
import { forcedByLabel, requirementLabel } from "~/domain/sift/selection";

export interface SelectionView {
  result: SelectionResult;
  budgetPence: number;
  /** Candidate id (the EOI reference) → its lead authority. */
  names: Record<string, string>;
}

const points = (value: number) => String(Math.round(value * 100) / 100);

export function SelectionResultView({ result, budgetPence, names }: SelectionView) {
  const name = (id: string) => (names[id] ? `${id} (${names[id]})` : id);
  const picks = new Map(result.selected.map((pick) => [pick.region, pick]));
  return (
    <>
      <SummaryList
        rows={[
          { key: { text: "Pilots chosen" }, value: { text: `${result.selected.length} of ${REGIONS.length}` } },
          { key: { text: "Total final score" }, value: { text: points(result.totalScore) } },
          { key: { text: "Total asked of CLG" }, value: { text: `${formatMoney(result.totalRequestPence)} of ${formatMoney(budgetPence)}` } },
          {
            key: { text: "Requirements met" },
            value: { text: `${result.met.length} of ${result.met.length + result.unmet.filter((u) => !u.requirement.startsWith("region:")).length}` },
          },
        ]}
      />
      <Table
        caption="Pilots by region"
        captionClasses="govuk-table__caption--m"
        firstCellIsHeader
        head={[{ text: "Region" }, { text: "Pilot" }, { text: "Score", format: "numeric" }, { text: "Asked of CLG", format: "numeric" }, { text: "Why this pilot" }, { text: "Reserves, in order" }]}
        rows={result.regions.map((region) => {
          const pick = region.pick ? picks.get(region.region) : undefined;
          const unmet = result.unmet.find((u) => u.requirement === `region:${region.region}`);
          let why: string;
          if (!region.pick) why = unmet ? `No pilot: ${unmet.reason}` : "No candidate in this region";
          else if (region.pick === region.topScorer) why = "The region's top scorer";
          else if (region.forcedBy.length === 0)
            why = `The same score as ${region.topScorer ? name(region.topScorer) : "the top scorer"}; the set as a whole decided between them (the spread, then earlier submissions)`;
          else
            why = `Chosen over ${region.topScorer ? name(region.topScorer) : "the top scorer"} because of ${region.forcedBy.map(forcedByLabel).join(" and ")}: ${points(region.pointsGivenUp ?? 0)} points given up`;
          return [
            { text: region.region },
            { text: region.pick ? name(region.pick) : "None" },
            { text: pick ? points(pick.score) : "–", format: "numeric" },
            { text: pick ? formatMoney(pick.requestPence) : "–", format: "numeric" },
            { text: why },
            {
              html: region.reserves.length ? (
                <ol className="govuk-list govuk-list--number govuk-!-margin-bottom-0">
                  {region.reserves.map((id) => (
                    <li key={id}>{name(id)}</li>
                  ))}
                </ol>
              ) : (
                "None"
              ),
            },
          ];
        })}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h3 className="govuk-heading-s">Requirements met</h3>
          {result.met.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {result.met.map((requirement) => (
                <li key={requirement}>{requirementLabel(requirement)}</li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">None</p>
          )}
        </div>
        <div className="govuk-grid-column-one-half">
          <h3 className="govuk-heading-s">Requirements not met</h3>
          {result.unmet.length ? (
            <ul className="govuk-list">
              {result.unmet.map((unmet) => (
                <li key={unmet.requirement} className="govuk-!-margin-bottom-3">
                  <Tag classes="govuk-tag--red">Not met</Tag> <strong>{requirementLabel(unmet.requirement)}</strong>: {unmet.reason}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">Every requirement is met.</p>
          )}
        </div>
      </div>
    </>
  );
}

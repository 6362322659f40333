// Views shared by the sift's pages (the assessor's scoring page, the programme manager's bid and
// moderation pages). A folder without a route module: Remix does not treat it as a route.

import { Details, SummaryList } from "~/components/govuk";
import type { AnswerBlock } from "~/domain/sift/evidence";

/** The facts of a bid at the top of its pages. */
export function BidSummary({ rows }: { rows: Array<{ key: string; value: string }> }) {
  return <SummaryList classes="govuk-summary-list--no-border govuk-!-margin-bottom-6" rows={rows.map((row) => ({ key: { text: row.key }, value: { text: row.value } }))} />;
}

/** Answers as the bid gave them: one heading per section, each question and its answer. */
export function AnswerBlocks({ blocks, headingLevel = 3 }: { blocks: AnswerBlock[]; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <>
      {blocks.map((block) => (
        <div key={block.title}>
          <Heading className="govuk-heading-s govuk-!-margin-bottom-2">{block.title}</Heading>
          <dl className="govuk-!-margin-top-0">
            {block.items.map((item) => (
              <div key={item.label}>
                <dt className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{item.label}</dt>
                <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-4">
                  {item.lines.length ? (
                    item.lines.map((line, i) => (
                      <p key={i} className="govuk-body app-answer">
                        {line}
                      </p>
                    ))
                  ) : (
                    <p className="govuk-body govuk-hint">Not answered</p>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}

/** The whole expression of interest, folded away. */
export function WholeBid({ blocks }: { blocks: AnswerBlock[] }) {
  return (
    <Details summaryText="Read the whole expression of interest">
      <AnswerBlocks blocks={blocks} />
    </Details>
  );
}

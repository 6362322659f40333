import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { SummaryList, Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { ASSESSORS_PER_BID } from "~/domain/sift/assignment";
import { formatPoints } from "~/domain/sift/criteria";
import { orHttpError } from "~/services/sift-errors.server";
import { siftOverview, siftRound } from "~/services/sift-overview.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Sift and selection");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  return orHttpError(async () => {
    const round = await siftRound(getDb());
    const state = await siftOverview(getDb(), { actor, roundId: round.id });
    const bids = state.bids;
    return {
      roundName: round.name,
      closes: formatDateTimeLondon(new Date(round.eoiClosesAt)),
      open: new Date(round.eoiClosesAt).getTime() > now().getTime(),
      weightsLocked: state.weightsLocked,
      shortlistConfirmed: state.shortlistConfirmed,
      counts: {
        bids: bids.length,
        fullyAssigned: bids.filter((b) => b.assessors.length >= ASSESSORS_PER_BID).length,
        complete: bids.reduce((n, b) => n + b.assessors.filter((a) => a.state === "complete").length, 0),
        needsModeration: bids.filter((b) => b.final.status === "needs-moderation").length,
        final: bids.filter((b) => b.final.hundredths !== null).length,
      },
      bids: bids.map((bid) => ({
        id: bid.id,
        reference: bid.reference,
        authorityName: bid.authorityName,
        region: bid.region,
        status: bid.status,
        assessors: bid.assessors.map((a) => ({
          name: a.name,
          text: a.state === "complete" ? `${formatPoints(a.totalHundredths ?? 0)} (complete)` : a.state === "draft" ? "Draft" : "Not started",
        })),
        final: bid.final.status,
        finalText: bid.final.hundredths === null ? null : formatPoints(bid.final.hundredths),
      })),
    };
  });
}

const FINAL_TAG: Record<string, { text: string; classes: string }> = {
  moderated: { text: "Moderated", classes: "govuk-tag--blue" },
  mean: { text: "Mean of two", classes: "govuk-tag--grey" },
  "needs-moderation": { text: "Needs moderation", classes: "govuk-tag--red" },
  incomplete: { text: "Not yet scored", classes: "govuk-tag--grey" },
};

/** The programme manager's view of stage 2. */
export default function Sift() {
  const { roundName, closes, open, weightsLocked, shortlistConfirmed, counts, bids } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{roundName}</span>
      <h1 className="govuk-heading-l">Sift and selection</h1>
      {open ? <p className="govuk-body">Expressions of interest close at {closes}. Bids sent after you assign will need assigning too.</p> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <SummaryList
            rows={[
              { key: { text: "Bids in the sift" }, value: { text: counts.bids } },
              { key: { text: "With two assessors" }, value: { text: `${counts.fullyAssigned} of ${counts.bids}` } },
              { key: { text: "Assessments complete" }, value: { text: `${counts.complete} of ${counts.bids * ASSESSORS_PER_BID}` } },
              { key: { text: "Need moderation" }, value: { text: counts.needsModeration } },
              { key: { text: "With a final score" }, value: { text: `${counts.final} of ${counts.bids}` } },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Stages of the sift</h2>
          <ol className="govuk-list govuk-list--number">
            <li>
              <Link className="govuk-link" to="/manage/sift/weights">
                Criteria weights
              </Link>
              {weightsLocked ? " (fixed: scoring has begun)" : null}
            </li>
            <li>
              <Link className="govuk-link" to="/manage/sift/assignments">
                Assign assessors
              </Link>
            </li>
            <li>Scores and moderation: the bids below</li>
            <li>
              <Link className="govuk-link" to="/manage/sift/selection">
                Select the pilots
              </Link>
              {shortlistConfirmed ? " (shortlist confirmed)" : null}
            </li>
            <li>
              <Link className="govuk-link" to="/manage/sift/exports">
                Download the sift as a spreadsheet
              </Link>
            </li>
          </ol>
        </div>
      </div>
      {bids.length === 0 ? (
        <p className="govuk-body">No expressions of interest have been submitted yet.</p>
      ) : (
        <Table
          caption="Bids"
          captionClasses="govuk-table__caption--m"
          firstCellIsHeader
          head={[{ text: "Reference" }, { text: "Lead authority" }, { text: "Region" }, { text: "Assessments" }, { text: "Final score" }]}
          rows={bids.map((bid) => [
            {
              html: (
                <Link className="govuk-link" to={`/manage/sift/bids/${bid.id}`}>
                  {bid.reference}
                </Link>
              ),
            },
            { text: bid.authorityName },
            { text: bid.region },
            {
              html: bid.assessors.length ? (
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {bid.assessors.map((a) => (
                    <li key={a.name}>
                      {a.name}: {a.text}
                    </li>
                  ))}
                </ul>
              ) : (
                "Not assigned"
              ),
            },
            {
              html: (
                <>
                  {bid.finalText ? <span className="govuk-!-font-weight-bold govuk-!-margin-right-2">{bid.finalText}</span> : null}
                  <Tag classes={FINAL_TAG[bid.final]!.classes}>{FINAL_TAG[bid.final]!.text}</Tag>
                </>
              ),
            },
          ])}
        />
      )}
    </>
  );
}

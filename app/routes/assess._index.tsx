import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { NotificationBanner, Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { currentRound } from "~/data/rounds.server";
import { formatPoints } from "~/domain/sift/criteria";
import { assessorQueue } from "~/services/sift-scoring.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Your assessments");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "assessor" });
  const round = await currentRound(getDb());
  const queue = round ? await assessorQueue(getDb(), { actor: user, roundId: round.id }) : [];
  const completed = new URL(request.url).searchParams.get("completed");
  return {
    userName: user.name,
    completed: completed && queue.some((item) => item.reference === completed) ? completed : null,
    queue: queue.map((item) => ({ ...item, total: item.totalHundredths === null ? null : formatPoints(item.totalHundredths) })),
  };
}

const STATE_TAG = {
  "not started": { text: "Not started", classes: "govuk-tag--blue" },
  draft: { text: "Draft", classes: "govuk-tag--light-blue" },
  complete: { text: "Complete", classes: "govuk-tag--green" },
} as const;

/** R-41 R-20 The assessor's queue: only the bids assigned to them. */
export default function AssessorHome() {
  const { userName, completed, queue } = useLoaderData<typeof loader>();
  const left = queue.filter((item) => item.state !== "complete").length;
  return (
    <>
      {completed ? <NotificationBanner type="success" html={<p className="govuk-notification-banner__heading">Your assessment of {completed} is complete</p>} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Your assessments</h1>
          <p className="govuk-body">Welcome, {userName}.</p>
          {queue.length === 0 ? (
            <p className="govuk-body">No expressions of interest have been assigned to you yet. The programme manager assigns each one to two assessors after the closing date.</p>
          ) : (
            <p className="govuk-body">
              {left === 0 ? `You have completed all ${queue.length} of your assessments.` : `You have ${left} of ${queue.length} ${queue.length === 1 ? "assessment" : "assessments"} to complete.`}
            </p>
          )}
          <p className="govuk-body">
            Tell us about any <Link className="govuk-link" to="/assess/conflicts">conflict of interest</Link> with a local authority before you start.
          </p>
        </div>
      </div>
      {queue.length ? (
        <Table
          caption="Bids assigned to you"
          captionClasses="govuk-table__caption--m"
          firstCellIsHeader
          head={[{ text: "Reference" }, { text: "Lead authority" }, { text: "Region" }, { text: "Status" }, { text: "Weighted total", format: "numeric" }]}
          rows={queue.map((item) => [
            {
              html: (
                <Link className="govuk-link" to={`/assess/bids/${item.eoiId}`}>
                  {item.reference}
                  <span className="govuk-visually-hidden">: {item.state === "not started" ? "score" : item.state === "draft" ? "continue scoring" : "view or change scores"}</span>
                </Link>
              ),
            },
            { text: item.authorityName },
            { text: item.region },
            { html: <Tag classes={STATE_TAG[item.state].classes}>{STATE_TAG[item.state].text}</Tag> },
            { text: item.total === null ? "–" : `${item.total} of 100`, format: "numeric" },
          ])}
        />
      ) : null}
    </>
  );
}

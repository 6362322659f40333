import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, NotificationBanner, Table, Tag, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { ASSESSORS_PER_BID } from "~/domain/sift/assignment";
import { assignAutomatically } from "~/services/sift-assignments.server";
import { SiftRuleError, orHttpError } from "~/services/sift-errors.server";
import { assessorLoads, siftOverview, siftRound } from "~/services/sift-overview.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Assign assessors");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  return orHttpError(async () => {
    const round = await siftRound(getDb());
    const [state, assessors] = await Promise.all([siftOverview(getDb(), { actor, roundId: round.id }), assessorLoads(getDb(), { actor, roundId: round.id })]);
    const url = new URL(request.url);
    return {
      added: url.searchParams.has("added") ? Number(url.searchParams.get("added")) : null,
      short: url.searchParams.getAll("short"),
      refused: url.searchParams.get("refused"),
      shortlistConfirmed: state.shortlistConfirmed,
      assessors: assessors.map((a) => ({ id: a.id, name: a.name, assigned: a.assigned, complete: a.complete, conflicts: a.conflicts.map((c) => c.authorityName) })),
      bids: state.bids.map((bid) => ({
        id: bid.id,
        reference: bid.reference,
        authorityName: bid.authorityName,
        region: bid.region,
        assessors: bid.assessors.map((a) => `${a.name}${a.method === "automatic" ? "" : " (by hand)"}`),
        missing: Math.max(0, ASSESSORS_PER_BID - bid.assessors.length),
      })),
    };
  });
}

// R-40 Automatic assignment: balanced load, conflicts skipped.
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  await readForm(request);
  return orHttpError(async () => {
    const round = await siftRound(getDb());
    try {
      const outcome = await assignAutomatically(getDb(), { actor, roundId: round.id, now: now() });
      const params = new URLSearchParams({ added: String(outcome.added) });
      for (const s of outcome.short) params.append("short", `${s.reference} (${s.authorityName}) needs ${s.missing} more`);
      return redirect(`/manage/sift/assignments?${params}`);
    } catch (error) {
      if (error instanceof SiftRuleError) return redirect(`/manage/sift/assignments?refused=${encodeURIComponent(error.message)}`);
      throw error;
    }
  });
}

export default function Assignments() {
  const { added, short, refused, shortlistConfirmed, assessors, bids } = useLoaderData<typeof loader>();
  const waiting = bids.filter((bid) => bid.missing > 0).length;
  return (
    <>
      <BackLink href="/manage/sift" text="Back to the sift" />
      {added !== null ? (
        <NotificationBanner type="success">
          <p className="govuk-notification-banner__heading">
            {added === 0 ? "Every bid already had two assessors" : `${added} ${added === 1 ? "assignment" : "assignments"} made`}
          </p>
          {short.length ? (
            <>
              <p className="govuk-body">Not enough assessors without a conflict of interest for:</p>
              <ul className="govuk-list govuk-list--bullet">
                {short.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : null}
        </NotificationBanner>
      ) : null}
      {refused ? <NotificationBanner titleText="Important" html={<p className="govuk-notification-banner__heading">{refused}</p>} /> : null}
      <span className="govuk-caption-l">Sift</span>
      <h1 className="govuk-heading-l">Assign assessors</h1>
      <p className="govuk-body">Each bid is assessed by two assessors. No one is given a bid from an authority they have declared a conflict of interest with.</p>

      <Table
        caption="Assessors and their load"
        captionClasses="govuk-table__caption--m"
        firstCellIsHeader
        head={[{ text: "Assessor" }, { text: "Bids assigned", format: "numeric" }, { text: "Assessments complete", format: "numeric" }, { text: "Conflicts of interest" }]}
        rows={assessors.map((a) => [
          { text: a.name },
          { text: a.assigned, format: "numeric" },
          { text: a.complete, format: "numeric" },
          { text: a.conflicts.length ? a.conflicts.join(", ") : "None declared" },
        ])}
      />

      {shortlistConfirmed ? (
        <WarningText text="The shortlist has been confirmed, so assignments can no longer change." />
      ) : (
        <ServiceForm>
          <h2 className="govuk-heading-m">Assign automatically</h2>
          <p className="govuk-body">
            {waiting === 0
              ? "Every bid has two assessors."
              : `${waiting} ${waiting === 1 ? "bid needs" : "bids need"} assessors. Automatic assignment fills the gaps, giving each place to the assessor with the fewest bids who has no conflict of interest. Assignments already made are kept.`}
          </p>
          <Button text="Assign automatically" classes={waiting === 0 ? "govuk-button--secondary" : undefined} />
        </ServiceForm>
      )}

      <Table
        caption="Bids"
        captionClasses="govuk-table__caption--m"
        firstCellIsHeader
        head={[{ text: "Reference" }, { text: "Lead authority" }, { text: "Region" }, { text: "Assessors" }, { html: <span className="govuk-visually-hidden">Action</span> }]}
        rows={bids.map((bid) => [
          { text: bid.reference },
          { text: bid.authorityName },
          { text: bid.region },
          {
            html: (
              <>
                {bid.assessors.length ? (
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {bid.assessors.map((name) => (
                      <li key={name}>{name}</li>
                    ))}
                  </ul>
                ) : null}
                {bid.missing ? <Tag classes="govuk-tag--yellow">{bid.missing === 1 ? "Needs 1 more assessor" : `Needs ${bid.missing} assessors`}</Tag> : null}
              </>
            ),
          },
          {
            html: shortlistConfirmed ? null : (
              <Link className="govuk-link" to={`/manage/sift/assignments/${bid.id}`}>
                Change<span className="govuk-visually-hidden"> assessors for {bid.reference}</span>
              </Link>
            ),
          },
        ])}
      />
    </>
  );
}

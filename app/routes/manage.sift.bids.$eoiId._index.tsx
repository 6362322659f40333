import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { BackLink, Button, Details, NotificationBanner, SummaryList, Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { bidSummary, partnerNames } from "~/domain/sift/bid";
import { ASSESSMENT_CRITERIA, formatPoints } from "~/domain/sift/criteria";
import { wholeBid } from "~/domain/sift/evidence";
import { scoreChanges } from "~/domain/sift/history";
import { FINAL_SCORE_LABELS } from "~/domain/sift/moderation";
import { orHttpError } from "~/services/sift-errors.server";
import { loadBidRecord } from "~/services/sift-moderation.server";
import { pageTitle } from "~/utils/page";
import { BidSummary, WholeBid } from "./manage.sift._shared/BidView";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${data.bid.reference} scores` : "Bid");

const eoiIdOf = (value: string | undefined) => (/^\d{1,10}$/.test(value ?? "") ? Number(value) : 0);
const when = (iso: string) => formatDateTimeLondon(new Date(iso));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const record = await orHttpError(() => loadBidRecord(getDb(), { actor, eoiId: eoiIdOf(params.eoiId) }));
  const { bid, pair, check } = record;
  const moderation = bid.moderation;
  const previousOf = (index: number) => {
    const version = record.history[index]!;
    return record.history.slice(0, index).filter((v) => v.assessorId === version.assessorId).at(-1) ?? null;
  };
  return {
    bid: { id: bid.id, reference: bid.reference, authorityName: bid.authorityName },
    summary: bidSummary(bid, { authorityName: bid.authorityName, submittedText: when(bid.submittedAt), partners: partnerNames(bid.answers) }),
    final: { status: bid.final.status, label: FINAL_SCORE_LABELS[bid.final.status], points: bid.final.hundredths === null ? null : formatPoints(bid.final.hundredths) },
    moderated: new URL(request.url).searchParams.has("moderated"),
    flags: check?.needed ? check.reasons : [],
    flaggedCriteria: check?.criteria ?? [],
    canModerate: Boolean(pair) && !record.closed,
    assessors: bid.assessors.map((a) => ({ name: a.name, state: a.state })),
    sideBySide: ASSESSMENT_CRITERIA.map((c) => ({
      key: c.key,
      title: `${c.number}. ${c.title}`,
      weight: record.weights[c.key]!,
      scores: bid.assessors.map((a) => {
        const score = a.latest?.scores[c.key]?.score;
        return score === null || score === undefined ? "–" : String(score);
      }),
      agreed: moderation ? String(moderation.scores[c.key]) : null,
    })),
    totals: bid.assessors.map((a) => (a.totalHundredths === null ? "–" : formatPoints(a.totalHundredths))),
    moderatedTotal: moderation ? formatPoints(moderation.totalHundredths) : null,
    history: record.history.map((version, index) => {
      const previous = previousOf(index);
      return {
        id: version.id,
        saved: when(version.savedAt),
        assessor: version.assessorName,
        version: version.version,
        status: version.status === "complete" ? "Complete" : "Draft",
        total: formatPoints(version.totalHundredths),
        changes: scoreChanges(previous?.scores ?? null, version.scores, previous ? { from: previous.status, to: version.status } : undefined),
        scores: ASSESSMENT_CRITERIA.map((c) => ({ title: c.title, score: version.scores[c.key]?.score ?? null, justification: version.scores[c.key]?.justification ?? "" })),
      };
    }),
    moderations: record.moderations.map((m) => ({ version: m.version, by: m.moderatorName, at: when(m.moderatedAt), total: formatPoints(m.totalHundredths), reason: m.reason })),
    assignments: record.assignments.map((a) => ({
      id: a.id,
      text: `${a.assessorName}, assigned ${a.method === "automatic" ? "automatically" : "by hand"} at ${when(a.assignedAt)}${a.endedAt ? `; taken off at ${when(a.endedAt)}` : ""}`,
    })),
    whole: wholeBid(bid.answers),
  };
}

const FINAL_TAG: Record<string, string> = { moderated: "govuk-tag--blue", mean: "govuk-tag--grey", "needs-moderation": "govuk-tag--red", incomplete: "govuk-tag--grey" };

/** R-42 One bid's scores side by side, the moderation flag, the final score and the full history. */
export default function BidScores() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/manage/sift" text="Back to the sift" />
      {page.moderated ? <NotificationBanner type="success" html={<p className="govuk-notification-banner__heading">Agreed scores saved. The final score is {page.final.points}.</p>} /> : null}
      <span className="govuk-caption-l">{page.bid.reference}</span>
      <h1 className="govuk-heading-l">{page.bid.authorityName}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">
            Final score: {page.final.points ?? "none yet"} <Tag classes={FINAL_TAG[page.final.status]}>{page.final.label}</Tag>
          </h2>
          {page.flags.length ? (
            <NotificationBanner titleText="Needs moderation">
              <p className="govuk-notification-banner__heading">The two assessments differ too much for their mean to stand</p>
              <ul className="govuk-list govuk-list--bullet">
                {page.flags.map((flag) => (
                  <li key={flag}>{flag}</li>
                ))}
              </ul>
            </NotificationBanner>
          ) : null}
          {page.canModerate ? (
            <Button
              text={page.moderatedTotal ? "Change the agreed scores" : "Moderate the scores"}
              href={`/manage/sift/bids/${page.bid.id}/moderate`}
              classes={page.flags.length && !page.moderatedTotal ? undefined : "govuk-button--secondary"}
            />
          ) : (
            <p className="govuk-body">The scores can be moderated once both assessments are complete.</p>
          )}
        </div>
      </div>

      <Table
        caption="Assessments side by side"
        captionClasses="govuk-table__caption--m"
        firstCellIsHeader
        head={[
          { text: "Criterion" },
          { text: "Weight", format: "numeric" },
          ...page.assessors.map((a) => ({ text: `${a.name}${a.state === "complete" ? "" : ` (${a.state})`}`, format: "numeric" })),
          ...(page.moderatedTotal ? [{ text: "Agreed", format: "numeric" }] : []),
        ]}
        rows={[
          ...page.sideBySide.map((row) => [
            { html: <>{row.title}{page.flaggedCriteria.includes(row.key) ? <> <Tag classes="govuk-tag--red">Differ by 2 or more</Tag></> : null}</> },
            { text: `${row.weight}%`, format: "numeric" },
            ...row.scores.map((score) => ({ text: score, format: "numeric" })),
            ...(row.agreed !== null ? [{ text: row.agreed, format: "numeric" }] : []),
          ]),
          [
            { text: "Weighted total out of 100" },
            { text: "" },
            ...page.totals.map((total) => ({ html: <strong>{total}</strong>, format: "numeric" })),
            ...(page.moderatedTotal ? [{ html: <strong>{page.moderatedTotal}</strong>, format: "numeric" }] : []),
          ],
        ]}
      />

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {page.moderations.length ? (
            <>
              <h2 className="govuk-heading-m">Moderation</h2>
              {[...page.moderations].reverse().map((m) => (
                <SummaryList
                  key={m.version}
                  card={{ title: { text: `Agreed scores, version ${m.version}` } }}
                  rows={[
                    { key: { text: "Agreed by" }, value: { text: m.by } },
                    { key: { text: "When" }, value: { text: m.at } },
                    { key: { text: "Agreed total" }, value: { text: m.total } },
                    { key: { text: "Reason" }, value: { html: <p className="govuk-body app-answer">{m.reason}</p> } },
                  ]}
                />
              ))}
            </>
          ) : null}

          <h2 className="govuk-heading-m">About the bid</h2>
          <BidSummary rows={page.summary} />
          <WholeBid blocks={page.whole} />

          <h2 className="govuk-heading-m">Assessors</h2>
          <ul className="govuk-list govuk-list--bullet">
            {page.assignments.map((a) => (
              <li key={a.id}>{a.text}</li>
            ))}
          </ul>
        </div>
      </div>

      <h2 className="govuk-heading-m">Score history</h2>
      <p className="govuk-body">Every save is kept. An edit is a new version; nothing is overwritten.</p>
      {page.history.length === 0 ? (
        <p className="govuk-body">No scores have been saved yet.</p>
      ) : (
        <>
          <Table
            caption="Every saved version, oldest first"
            captionClasses="govuk-visually-hidden"
            head={[{ text: "Saved" }, { text: "Assessor" }, { text: "Version", format: "numeric" }, { text: "Status" }, { text: "Total", format: "numeric" }, { text: "What changed" }]}
            rows={page.history.map((v) => [
              { text: v.saved },
              { text: v.assessor },
              { text: v.version, format: "numeric" },
              { text: v.status },
              { text: v.total, format: "numeric" },
              {
                html: (
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {v.changes.map((change) => (
                      <li key={change}>{change}</li>
                    ))}
                  </ul>
                ),
              },
            ])}
          />
          {page.history.map((v) => (
            <Details key={v.id} summaryText={`${v.assessor}, version ${v.version}: scores and justifications`}>
              <dl>
                {v.scores.map((s) => (
                  <div key={s.title}>
                    <dt className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                      {s.title}: {s.score ?? "not scored"}
                    </dt>
                    <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-4">
                      <p className="govuk-body app-answer">{s.justification || "No justification yet"}</p>
                    </dd>
                  </div>
                ))}
              </dl>
            </Details>
          ))}
        </>
      )}
    </>
  );
}

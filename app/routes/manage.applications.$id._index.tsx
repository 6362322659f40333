import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { BackLink, Button, InsetText, SummaryList, Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { STATE_LABELS } from "~/domain/application/status";
import { formatDateTimeLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { authorityTypeLabel, isAuthorityType } from "~/domain/programme";
import { ApplicationMissingError, loadApplicationForManager } from "~/services/application-review.server";
import { answersView } from "~/services/application-view.server";
import { pageTitle } from "~/utils/page";
import { ApplicationAnswers } from "./applicant.application._shared/ApplicationAnswers";
import { APPLICATION_TAG } from "./manage.applications._shared/status-tag";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Detailed application: ${data.authorityName}` : "Detailed application");

const DECISION_TEXT = { approved: "Approved", "changes-requested": "Changes requested", declined: "Declined" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const versionParam = new URL(request.url).searchParams.get("version");
  const versionNumber = versionParam && /^\d+$/.test(versionParam) ? Number(versionParam) : null;
  if (!/^\d+$/.test(params.id ?? "")) throw new Response("Not found", { status: 404 });
  let loaded;
  try {
    loaded = await loadApplicationForManager(getDb(), { actor, applicationId: Number(params.id), versionNumber });
  } catch (error) {
    if (error instanceof ApplicationMissingError) throw new Response("Not found", { status: 404 });
    throw error;
  }
  const { application, authority, versions, reviews, award, shown, programme, sections, eoiReference } = loaded;
  const previous = shown ? versions.find((v) => v.number === shown.number - 1) : undefined;
  const changed = shown && previous ? sections.filter((s) => JSON.stringify(shown.answers[s.id] ?? {}) !== JSON.stringify(previous.answers[s.id] ?? {})).map((s) => `${s.number}. ${s.title}`) : [];
  return {
    id: application.id,
    authorityName: authority.name,
    region: authority.region,
    type: isAuthorityType(authority.type) ? authorityTypeLabel(authority.type) : authority.type,
    reference: eoiReference,
    state: application.status,
    stateLabel: STATE_LABELS[application.status],
    canDecide: application.status === "submitted",
    withdrawnReason: application.withdrawnReason,
    versions: versions.map((v) => ({ number: v.number, at: formatDateTimeLondon(new Date(v.submittedAt)), by: v.submittedByName, clgRequest: formatMoney(v.clgRequestPence), total: formatMoney(v.totalCostPence) })),
    reviews: reviews.map((r) => ({ decision: DECISION_TEXT[r.decision], version: r.versionNumber, comments: r.comments, by: r.decidedByName, at: formatDateTimeLondon(new Date(r.decidedAt)) })),
    award: award ? { id: award.id, amount: formatMoney(award.amountPence), status: award.status === "accepted" ? "Accepted" : "Offered" } : null,
    shown: shown ? { number: shown.number, latest: shown.number === versions.at(-1)?.number, clgRequest: formatMoney(shown.clgRequestPence), view: answersView(programme, sections, shown.answers), changed, previous: previous?.number ?? null } : null,
  };
}

/** R-52 The programme manager reads a detailed application (any version), its history, and decides. */
export default function ManageApplication() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/manage/applications" text="Back to detailed applications" />
      <span className="govuk-caption-l">
        {page.region} – {page.reference}
      </span>
      <h1 className="govuk-heading-l">{page.authorityName}</h1>
      <p className="govuk-body">
        <Tag text={APPLICATION_TAG[page.state].text} classes={APPLICATION_TAG[page.state].classes} />
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: { text: "Lead authority" }, value: { text: `${page.authorityName} (${page.type})` } },
              { key: { text: "Status" }, value: { text: page.stateLabel } },
              ...(page.award ? [{ key: { text: "Grant award" }, value: { html: <Link className="govuk-link" to={`/manage/awards/${page.award.id}`}>{`${page.award.amount} – ${page.award.status}`}</Link> } }] : []),
              ...(page.withdrawnReason ? [{ key: { text: "Reason for withdrawing" }, value: { text: page.withdrawnReason } }] : []),
            ]}
          />
          {page.canDecide ? <Button text="Decide on this application" href={`/manage/applications/${page.id}/decision`} /> : null}
          {page.versions.length ? (
            <Table
              caption="Versions submitted"
              captionClasses="govuk-table__caption--m"
              head={[{ text: "Version" }, { text: "Submitted" }, { text: "Requested from CLG", format: "numeric" }, { text: "Total cost", format: "numeric" }]}
              rows={page.versions.map((v) => [
                { html: page.shown?.number === v.number ? <strong>Version {v.number} (shown)</strong> : <Link className="govuk-link" to={`/manage/applications/${page.id}?version=${v.number}`}>Version {v.number}</Link> },
                { text: `${v.at} by ${v.by}` },
                { text: v.clgRequest, format: "numeric" },
                { text: v.total, format: "numeric" },
              ])}
            />
          ) : (
            <InsetText>The authority has not submitted its detailed application yet.</InsetText>
          )}
          {page.reviews.length ? (
            <>
              <h2 className="govuk-heading-m">Decisions</h2>
              <SummaryList
                rows={page.reviews.map((r) => ({
                  key: { text: `${r.decision} (version ${r.version})` },
                  value: { html: <><p className="govuk-body app-answer">{r.comments || "No comments"}</p><p className="govuk-hint">{r.at} by {r.by}</p></> },
                }))}
              />
            </>
          ) : null}
        </div>
      </div>
      {page.shown ? (
        <>
          <h2 className="govuk-heading-l">
            Version {page.shown.number}
            {page.shown.latest ? " (latest)" : ""}
          </h2>
          {page.shown.previous !== null ? (
            <InsetText>
              {page.shown.changed.length ? `Changed since version ${page.shown.previous}: ${page.shown.changed.join("; ")}.` : `No answers changed since version ${page.shown.previous}.`}
            </InsetText>
          ) : null}
          <ApplicationAnswers view={page.shown.view} />
        </>
      ) : null}
    </>
  );
}

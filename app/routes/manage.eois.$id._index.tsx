import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EOI_STATUS_TAG } from "~/components/eoi/eoi-status";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { BackLink, InsetText, NotificationBanner, SummaryList, Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { authorityTypeLabel, isAuthorityType } from "~/domain/programme";
import { eoiForManager } from "~/services/eoi-admin.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${data.authorityName}: expression of interest` : "Expression of interest");

const UPDATES = {
  "hard-copy": "Receipt of the hard copy recorded",
  deadline: "Deadline extended",
  withdrawn: "Expression of interest withdrawn",
} as const;

const HISTORY: Record<string, string> = {
  "eoi.started": "Started",
  "eoi.submitted": "Submitted",
  "eoi.withdrawn": "Withdrawn by the authority",
  "eoi.withdrawn-on-request": "Withdrawn at the authority’s request",
  "eoi.deadline-extended": "Deadline extended",
  "eoi.hard-copy-received": "Hard copy received",
};

function historyDetail(action: string, after: Record<string, unknown> | null): string {
  if (action === "eoi.deadline-extended" && typeof after?.deadlineExtendedTo === "string") return `To ${formatDateTimeLondon(new Date(after.deadlineExtendedTo))}`;
  if (action === "eoi.hard-copy-received" && typeof after?.hardCopyReceivedAt === "string") return `On ${formatDateLondon(after.hardCopyReceivedAt)}`;
  if (action.startsWith("eoi.withdrawn") && typeof after?.reason === "string") return `Reason: ${after.reason}`;
  if (action === "eoi.submitted" && typeof after?.reference === "string") return after.reference;
  return "";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const view = await eoiForManager(getDb(), { actor, eoiId: Number(params.id) });
  if (!view) throw new Response("Not found", { status: 404 });
  const { eoi, authority } = view;
  const updated = new URL(request.url).searchParams.get("updated");
  return {
    id: eoi.id,
    authorityName: authority.name,
    region: authority.region,
    type: isAuthorityType(authority.type) ? authorityTypeLabel(authority.type) : authority.type,
    status: eoi.status,
    reference: eoi.reference,
    submitted: eoi.submittedAt ? `${formatDateTimeLondon(new Date(eoi.submittedAt))}${view.submittedByName ? ` by ${view.submittedByName}` : ""}` : null,
    deadline: view.deadline ? formatDateTimeLondon(new Date(view.deadline)) : null,
    extendedFrom: eoi.deadlineExtendedTo && view.roundDeadline && view.deadline !== view.roundDeadline ? formatDateTimeLondon(new Date(view.roundDeadline)) : null,
    hardCopy: eoi.hardCopyReceivedAt ? formatDateLondon(eoi.hardCopyReceivedAt) : null,
    withdrawn: eoi.withdrawnAt ? { at: formatDateTimeLondon(new Date(eoi.withdrawnAt)), reason: eoi.withdrawnReason ?? "" } : null,
    totalWords: view.totalWords,
    clgRequest: view.clgRequestPence === null ? null : formatMoney(view.clgRequestPence),
    sections: view.sections,
    history: view.history.map((entry) => ({ id: entry.id, at: formatDateTimeLondon(new Date(entry.at)), what: HISTORY[entry.action] ?? entry.action, who: entry.actorName ?? "The service", detail: historyDetail(entry.action, entry.after) })),
    updated: updated && updated in UPDATES ? UPDATES[updated as keyof typeof UPDATES] : null,
  };
}


/** R-9 R-20 Any expression of interest, read-only, for the programme manager, with what they can do to it. */
export default function ManageEoi() {
  const eoi = useLoaderData<typeof loader>();
  const base = `/manage/eois/${eoi.id}`;
  return (
    <>
      <BackLink href="/manage/eois" text="Back to expressions of interest" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {eoi.updated ? <NotificationBanner type="success" titleText="Success" text={eoi.updated} /> : null}
          <span className="govuk-caption-l">{eoi.region}</span>
          <h1 className="govuk-heading-l">{eoi.authorityName}</h1>
          {eoi.withdrawn ? <InsetText>Withdrawn {eoi.withdrawn.at}. Reason: {eoi.withdrawn.reason}</InsetText> : null}
          <SummaryList
            rows={[
              { key: { text: "Status" }, value: { html: <Tag {...EOI_STATUS_TAG[eoi.status]} /> } },
              { key: { text: "Reference" }, value: { text: eoi.reference ?? "None yet – given on submission" } },
              { key: { text: "Type of authority" }, value: { text: eoi.type } },
              { key: { text: "Submitted" }, value: { text: eoi.submitted ?? "Not yet" } },
              {
                key: { text: "Deadline" },
                value: { text: eoi.deadline ? (eoi.extendedFrom ? `${eoi.deadline} (extended from ${eoi.extendedFrom})` : eoi.deadline) : "" },
                actions: eoi.status === "draft" ? { items: [{ href: `${base}/deadline`, text: "Extend", visuallyHiddenText: "the deadline" }] } : undefined,
              },
              {
                key: { text: "Hard copy" },
                value: { text: eoi.status === "draft" ? "Not applicable until submitted" : eoi.hardCopy ? `Received ${eoi.hardCopy}` : "Not received" },
                actions:
                  eoi.status !== "draft"
                    ? { items: [eoi.hardCopy ? { href: `${base}/hard-copy`, text: "Change", visuallyHiddenText: "the date the hard copy was received" } : { href: `${base}/hard-copy`, text: "Record receipt", visuallyHiddenText: "of the hard copy" }] }
                    : undefined,
              },
              { key: { text: "CLG request" }, value: { text: eoi.clgRequest ?? "No costs yet" } },
              { key: { text: "Words in sections 2 to 9" }, value: { text: `${eoi.totalWords.toLocaleString("en-GB")} of 1,000` } },
            ]}
          />
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={`${base}/pdf`}>
                Download the expression of interest (PDF)
              </a>
            </li>
            {eoi.status === "submitted" ? (
              <li>
                <Link className="govuk-link" to={`${base}/withdraw`}>
                  Withdraw it at the authority’s request
                </Link>
              </li>
            ) : null}
          </ul>

          {eoi.sections.map((section) => (
            <div key={section.id}>
              <h2 className="govuk-heading-m">
                {section.number}. {section.title}
              </h2>
              <SummaryList
                rows={section.questions.map((question) => ({
                  key: { text: question.label },
                  value: {
                    html: question.lines.length ? <>{question.lines.map((line, i) => <p key={i} className="govuk-body app-answer">{line}</p>)}</> : <span className="govuk-hint">Not answered</span>,
                  },
                }))}
              />
            </div>
          ))}

          <h2 className="govuk-heading-m">History</h2>
          {eoi.history.length ? (
            <Table
              caption="What has happened to this expression of interest, oldest first"
              captionClasses="govuk-visually-hidden"
              head={[{ text: "When" }, { text: "What" }, { text: "Who" }]}
              rows={eoi.history.map((entry) => [
                { text: entry.at },
                { html: <>{entry.what}{entry.detail ? <><br /><span className="govuk-body-s">{entry.detail}</span></> : null}</> },
                { text: entry.who },
              ])}
            />
          ) : (
            <p className="govuk-body">Nothing recorded yet.</p>
          )}
        </div>
      </div>
    </>
  );
}

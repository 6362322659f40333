import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { taskStatus } from "~/components/eoi/status-tags";
import { InsetText, Panel, SummaryList, TaskList, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon, isOpen } from "~/domain/calendar";
import { sectionPages } from "~/domain/eoi/pages";
import { checkTwoPageLimit } from "~/domain/eoi/schema";
import { submitTaskStatus, taskList, TWO_PAGE_TOTAL_ID } from "~/domain/eoi/status";
import { applicantContext, submissionWindow } from "~/services/eoi.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Your expression of interest");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { round, authority, eoi } = await applicantContext(getDb(), user);
  if (!eoi) throw redirect("/applicant");
  const progress = { answers: eoi.answers, markedComplete: eoi.markedComplete, state: eoi.status };
  const window = submissionWindow(round, eoi);
  const twoPages = checkTwoPageLimit(eoi.answers);
  return {
    authorityName: authority.name,
    status: eoi.status,
    reference: eoi.reference,
    submittedAt: eoi.submittedAt ? formatDateTimeLondon(new Date(eoi.submittedAt)) : null,
    withdrawnReason: eoi.withdrawnReason,
    deadline: formatDateTimeLondon(window.closesAt),
    open: isOpen(window, now()),
    tasks: taskList(progress).map((t) => ({ ...t, href: sectionPages(t.id).length ? `/applicant/eoi/${t.id}/1` : null })),
    submitStatus: submitTaskStatus(progress),
    totalWords: twoPages.totalWords,
    completed: taskList(progress).filter((t) => t.status === "completed").length,
  };
}

/** R-31 The GOV.UK task list of the ten sections, or the submitted EOI's summary. */
export default function EoiTaskList() {
  const eoi = useLoaderData<typeof loader>();
  if (eoi.status !== "draft") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{eoi.authorityName}</span>
          <h1 className="govuk-heading-l">Your expression of interest</h1>
          {eoi.status === "withdrawn" ? (
            <InsetText>This expression of interest ({eoi.reference}) was withdrawn. Reason: {eoi.withdrawnReason}</InsetText>
          ) : (
            <Panel titleText="Submitted" html={<>Your reference<br /><strong>{eoi.reference}</strong></>} />
          )}
          {eoi.status === "invited" ? <InsetText>Your bid has been shortlisted. You are invited to send a detailed application.</InsetText> : null}
          {eoi.status === "not-selected" ? <InsetText>Your bid has not been selected as a pilot. There is no appeals process for areas not selected.</InsetText> : null}
          <SummaryList
            rows={[
              { key: { text: "Reference" }, value: { text: eoi.reference ?? "" } },
              { key: { text: "Submitted" }, value: { text: eoi.submittedAt ?? "" } },
              { key: { text: "Deadline" }, value: { text: eoi.deadline } },
            ]}
          />
          <p className="govuk-body">
            <a className="govuk-link" href="/applicant/eoi/pdf">
              Download the expression of interest (PDF)
            </a>
          </p>
          <p className="govuk-body">A submitted expression of interest cannot be changed.</p>
          {eoi.status === "submitted" && eoi.open ? (
            <p className="govuk-body">
              <Link className="govuk-link" to="/applicant/eoi/withdraw">
                Withdraw this expression of interest
              </Link>
            </p>
          ) : null}
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{eoi.authorityName}</span>
        <h1 className="govuk-heading-l">Your expression of interest</h1>
        <p className="govuk-body">You must submit it by {eoi.deadline}.</p>
        <p className="govuk-body">
          You have completed {eoi.completed} of {eoi.tasks.length} sections.
        </p>
        <p className="govuk-body" id={TWO_PAGE_TOTAL_ID}>
          Your two-page outline (sections 2 to 9) has {eoi.totalWords.toLocaleString("en-GB")} of 1,000 words.
        </p>
        <TaskList
          idPrefix="eoi"
          items={[
            ...eoi.tasks.map((task) => ({
              title: { text: `${task.number}. ${task.title}` },
              href: task.status === "cannot start yet" ? undefined : task.href ?? undefined,
              status: taskStatus(task.status),
              attributes: { id: task.id },
            })),
            { title: { text: "Check and submit" }, href: eoi.submitStatus === "cannot start yet" ? undefined : "/applicant/eoi/check", status: taskStatus(eoi.submitStatus) },
          ]}
        />
        <p className="govuk-body">
          <a className="govuk-link" href="/applicant/eoi/pdf">
            Preview the expression of interest as a PDF
          </a>
        </p>
        {!eoi.open ? <WarningText text="The deadline has passed. You can no longer submit this expression of interest." /> : null}
      </div>
    </div>
  );
}

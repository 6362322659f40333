import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, InsetText, Table, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon, formatDateTimeLondon } from "~/domain/calendar";
import { SiftRuleError, orHttpError } from "~/services/sift-errors.server";
import { wakeOutbox } from "~/services/mail.server";
import { confirmShortlist, loadSavedSelection } from "~/services/sift-selection.server";
import { pageTitle } from "~/utils/page";

export const meta: MetaFunction = () => pageTitle("Confirm the shortlist");

const idOf = (value: string | undefined) => (/^\d{1,10}$/.test(value ?? "") ? Number(value) : 0);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const page = await orHttpError(() => loadSavedSelection(getDb(), { actor, selectionId: idOf(params.selectionId) }));
  const { selection, round } = page;
  const picked = new Set(selection.result.selected.map((s) => s.id));
  const names = selection.candidates;
  return {
    id: selection.id,
    confirmed: Boolean(page.shortlist),
    current: page.current,
    due: formatDateTimeLondon(new Date(round.detailedDueAt)),
    requestsBy: formatDateLondon(round.requestsBy),
    invited: selection.result.selected.map((s) => ({ id: s.id, name: names[s.id]?.authorityName ?? "", region: s.region })),
    notSelected: selection.input.candidates.filter((c) => !picked.has(c.id)).map((c) => ({ id: c.id, name: names[c.id]?.authorityName ?? "", region: c.region })),
    unscored: page.unscored,
  };
}

// R-44 Confirm: letters go through the outbox, statuses change, once only.
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  await readForm(request);
  const selectionId = idOf(params.selectionId);
  return orHttpError(async () => {
    try {
      const outcome = await confirmShortlist(getDb(), { actor, selectionId, baseUrl: new URL(request.url).origin, now: now() });
      wakeOutbox();
      const message = `${outcome.invited} ${outcome.invited === 1 ? "authority has" : "authorities have"} been invited to send a detailed application and ${outcome.notSelected} ${outcome.notSelected === 1 ? "has" : "have"} been sent an outcome letter.`;
      return redirect(`/manage/sift/selections/${selectionId}?confirmed=${encodeURIComponent(message)}`);
    } catch (error) {
      if (error instanceof SiftRuleError) return data({ errors: [{ text: error.message, href: "#confirm" }] }, { status: 400 });
      throw error;
    }
  });
}

export default function ConfirmShortlist() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const row = (bid: { id: string; name: string; region: string }) => [{ text: bid.id }, { text: bid.name }, { text: bid.region }];
  return (
    <>
      <BackLink href={`/manage/sift/selections/${page.id}`} text="Back to the selection" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">Sift</span>
          <h1 className="govuk-heading-l">Confirm the shortlist</h1>
          <p className="govuk-body">
            When you confirm, each authority below gets an email, and the expressions of interest change to invited or not selected. You cannot undo this.
          </p>
          <InsetText>
            Requests for detailed applications should go by {page.requestsBy}. Detailed applications are due by {page.due}.
          </InsetText>
        </div>
      </div>
      <Table
        caption={`Invited to send a detailed application (${page.invited.length})`}
        captionClasses="govuk-table__caption--m"
        head={[{ text: "Reference" }, { text: "Lead authority" }, { text: "Region" }]}
        rows={page.invited.map(row)}
      />
      <Table
        caption={`Sent an outcome letter saying there is no appeals process (${page.notSelected.length + page.unscored.length})`}
        captionClasses="govuk-table__caption--m"
        head={[{ text: "Reference" }, { text: "Lead authority" }, { text: "Region" }]}
        rows={[...page.notSelected.map(row), ...page.unscored.map((bid) => [{ text: bid.reference }, { text: bid.authorityName }, { text: `Not a candidate: ${bid.reason.toLowerCase()}` }])]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {page.unscored.length ? (
            <WarningText text={`${page.unscored.length} ${page.unscored.length === 1 ? "bid has" : "bids have"} no final score and will be sent an outcome letter.`} />
          ) : null}
          {page.confirmed ? (
            <p className="govuk-body">The shortlist has already been confirmed.</p>
          ) : !page.current ? (
            <WarningText text="The scores or bids have changed since this selection was saved. Run the selection again and save it before confirming." />
          ) : (
            <ServiceForm>
              <Button id="confirm" text="Confirm shortlist and send letters" preventDoubleClick />
            </ServiceForm>
          )}
        </div>
      </div>
    </>
  );
}

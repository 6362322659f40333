import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { BackLink, Button, Details, NotificationBanner, SummaryList, Table, WarningText } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { orHttpError } from "~/services/sift-errors.server";
import { loadSavedSelection } from "~/services/sift-selection.server";
import { pageTitle } from "~/utils/page";
import { SelectionResultView } from "./manage.sift._shared/SelectionResult";

export const meta: MetaFunction = () => pageTitle("Saved selection");

const idOf = (value: string | undefined) => (/^\d{1,10}$/.test(value ?? "") ? Number(value) : 0);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const page = await orHttpError(() => loadSavedSelection(getDb(), { actor, selectionId: idOf(params.selectionId) }));
  const { selection, shortlist } = page;
  const names = Object.fromEntries(Object.entries(selection.candidates).map(([id, c]) => [id, c.authorityName]));
  return {
    id: selection.id,
    when: formatDateTimeLondon(new Date(selection.savedAt)),
    by: selection.savedByName,
    budgetPence: selection.input.budgetPence,
    result: selection.result,
    names,
    locks: selection.input.candidates.filter((c) => c.lock).map((c) => ({ id: c.id, name: names[c.id] ?? "", lock: c.lock === "in" ? "Locked in" : "Ruled out" })),
    candidates: [...selection.input.candidates]
      .sort((a, b) => a.region.localeCompare(b.region) || b.score - a.score || a.id.localeCompare(b.id))
      .map((c) => ({ id: c.id, name: names[c.id] ?? "", region: c.region, score: String(c.score), request: formatMoney(c.requestPence) })),
    current: page.current,
    confirmedHere: shortlist?.selectionId === selection.id ? { when: formatDateTimeLondon(new Date(shortlist.confirmedAt)), by: shortlist.confirmedByName } : null,
    confirmedElsewhere: Boolean(shortlist && shortlist.selectionId !== selection.id),
    justConfirmed: new URL(request.url).searchParams.get("confirmed"),
  };
}

/** R-43 A saved selection: what was decided on what data; R-44 the way to confirm it. */
export default function SavedSelection() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/manage/sift/selection" text="Back to select the pilots" />
      {page.justConfirmed ? (
        <NotificationBanner type="success">
          <p className="govuk-notification-banner__heading">Shortlist confirmed</p>
          <p className="govuk-body">{page.justConfirmed}</p>
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" to="/manage/emails">
              See the emails
            </Link>
          </p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">Sift</span>
      <h1 className="govuk-heading-l">Selection saved at {page.when}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: { text: "Saved by" }, value: { text: page.by } },
              { key: { text: "Candidates" }, value: { text: page.candidates.length } },
              { key: { text: "Locks" }, value: { text: page.locks.length ? page.locks.map((l) => `${l.id} (${l.name}): ${l.lock}`).join("; ") : "None" } },
              { key: { text: "Shortlist" }, value: { text: page.confirmedHere ? `Confirmed at ${page.confirmedHere.when} by ${page.confirmedHere.by}` : "Not confirmed" } },
            ]}
          />
          {!page.confirmedHere && !page.confirmedElsewhere ? (
            page.current ? (
              <Button text="Confirm the shortlist" href={`/manage/sift/selections/${page.id}/confirm`} />
            ) : (
              <WarningText text="The scores or bids have changed since this selection was saved, so it cannot be confirmed. Run the selection again and save it." />
            )
          ) : null}
          {page.confirmedElsewhere ? <p className="govuk-body">Another selection was confirmed as the shortlist.</p> : null}
        </div>
      </div>
      <SelectionResultView result={page.result} budgetPence={page.budgetPence} names={page.names} />
      <Details summaryText="The candidates and final scores this selection was run on">
        <Table
          caption="Candidates as they were when the selection was saved"
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[{ text: "Bid" }, { text: "Region" }, { text: "Final score", format: "numeric" }, { text: "Asked of CLG", format: "numeric" }]}
          rows={page.candidates.map((c) => [{ text: `${c.id} (${c.name})` }, { text: c.region }, { text: c.score, format: "numeric" }, { text: c.request, format: "numeric" }])}
        />
      </Details>
    </>
  );
}

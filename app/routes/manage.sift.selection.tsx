import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, NotificationBanner, Select, Table } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateTimeLondon } from "~/domain/calendar";
import { formatMoney } from "~/domain/money";
import { REGIONS, authorityTypeLabel, focusAreaLabel, settingLabel, themeLabel, trackRecordLabel } from "~/domain/programme";
import { formatPoints } from "~/domain/sift/criteria";
import { lockFieldId, readLocksForm } from "~/domain/sift/forms";
import { SiftRuleError, orHttpError } from "~/services/sift-errors.server";
import { siftRound } from "~/services/sift-overview.server";
import { loadSelectionPage, runSelection, saveSelection } from "~/services/sift-selection.server";
import { formErrors, pageTitle } from "~/utils/page";
import { SelectionResultView } from "./manage.sift._shared/SelectionResult";

export const meta: MetaFunction = () => pageTitle("Select the pilots");

async function page(request: Request) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const round = await siftRound(getDb());
  return { actor, ...(await loadSelectionPage(getDb(), { actor, roundId: round.id })) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  return orHttpError(async () => {
    const { round, rows, saved, shortlist } = await page(request);
    return {
      budget: formatMoney(round.totalFundPence),
      shortlist: shortlist ? { selectionId: shortlist.selectionId, when: formatDateTimeLondon(new Date(shortlist.confirmedAt)), by: shortlist.confirmedByName } : null,
      regions: REGIONS.map((region) => ({
        region,
        rows: rows
          .filter((row) => row.bid.region === region)
          .sort((a, b) => (b.bid.final.hundredths ?? -1) - (a.bid.final.hundredths ?? -1) || a.bid.submittedAt.localeCompare(b.bid.submittedAt) || a.bid.id - b.bid.id)
          .map((row) => ({
            eoiId: row.bid.id,
            reference: row.bid.reference,
            authorityName: row.bid.authorityName,
            score: row.bid.final.hundredths === null ? null : formatPoints(row.bid.final.hundredths),
            type: row.bid.authorityType ? authorityTypeLabel(row.bid.authorityType) : "Not known",
            setting: row.bid.setting ? settingLabel(row.bid.setting) : "Not answered",
            track: row.bid.track ? trackRecordLabel(row.bid.track) : "Not answered",
            themes: row.bid.themes.map(themeLabel),
            focus: row.bid.focus ? focusAreaLabel(row.bid.focus) : "None",
            request: formatMoney(row.bid.requestPence),
            reason: row.reason,
          })),
      })),
      saved: saved.map((s) => ({
        id: s.id,
        when: formatDateTimeLondon(new Date(s.savedAt)),
        by: s.savedByName,
        total: String((s.result as { totalScore: number }).totalScore),
        pilots: (s.result as { selected: unknown[] }).selected.length,
      })),
    };
  });
}

// R-43 Run the selection (nothing saved), or run it again and save its inputs and result.
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  const form = await readForm(request);
  return orHttpError(async () => {
    const round = await siftRound(getDb());
    const { rows } = await loadSelectionPage(getDb(), { actor, roundId: round.id });
    const candidateIds = rows.filter((row) => row.candidate).map((row) => row.bid.id);
    const values = Object.fromEntries(candidateIds.map((id) => [lockFieldId(id), String(form.get(lockFieldId(id)) ?? "")]));
    const parsed = readLocksForm(form, candidateIds);
    if (!parsed.ok) return data({ errors: formErrors(parsed.problems), values, run: null }, { status: 400 });
    try {
      if (form.get("intent") === "save") {
        const id = await saveSelection(getDb(), { actor, roundId: round.id, locks: parsed.value, now: now() });
        return redirect(`/manage/sift/selections/${id}`);
      }
      const outcome = await runSelection(getDb(), { actor, roundId: round.id, locks: parsed.value });
      const names = Object.fromEntries(Object.entries(outcome.snapshot).map(([id, s]) => [id, s.authorityName]));
      return data({ errors: null, values, run: { result: outcome.result, budgetPence: outcome.input.budgetPence, names } });
    } catch (error) {
      if (error instanceof SiftRuleError) return data({ errors: formErrors([[error.field, error.message]]), values, run: null }, { status: 400 });
      throw error;
    }
  });
}

export default function Selection() {
  const { budget, shortlist, regions, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const run = actionData?.run;
  const values: Record<string, string> = actionData?.values ?? {};
  const error = (field: string) => (errors?.fields[field] ? { text: errors.fields[field] } : undefined);
  const candidates = regions.reduce((n, r) => n + r.rows.filter((row) => !row.reason).length, 0);
  return (
    <>
      <BackLink href="/manage/sift" text="Back to the sift" />
      {errors ? <ErrorSummary titleText="There is a problem" errorList={errors.errorList} /> : null}
      {shortlist ? (
        <NotificationBanner titleText="Shortlist confirmed">
          <p className="govuk-notification-banner__heading">
            The shortlist was confirmed at {shortlist.when} by {shortlist.by}.{" "}
            <Link className="govuk-notification-banner__link" to={`/manage/sift/selections/${shortlist.selectionId}`}>
              See the confirmed selection
            </Link>
          </p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">Sift</span>
      <h1 className="govuk-heading-l">Select the pilots</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            The selection chooses one pilot in every region that has a candidate, then meets as much of the spread as it can (every theme, each type of authority, rural
            and urban, established and starting out, each focus area), keeps the total asked of CLG within {budget}, and then gives the highest total final score. It is
            exact: no other choice does better by these rules.
          </p>
          <p className="govuk-body">
            Candidates are the bids with a final score ({candidates}). Lock a bid in to make it its region&apos;s pilot, or rule it out.
          </p>
        </div>
      </div>
      {shortlist ? null : (
      <ServiceForm>
        {run ? (
          <section aria-labelledby="result-heading">
            <h2 className="govuk-heading-l" id="result-heading">
              Result
            </h2>
            <SelectionResultView result={run.result} budgetPence={run.budgetPence} names={run.names} />
            <p className="govuk-body">Saving records the candidates, their scores, your locks and this result, so you can confirm the shortlist from it.</p>
            <Button text="Save this selection" name="intent" value="save" preventDoubleClick />
            <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
          </section>
        ) : null}
        <h2 className="govuk-heading-l">Candidates by region</h2>
        {regions.map(({ region, rows }) => (
          <Table
            key={region}
            caption={region}
            captionClasses="govuk-table__caption--m"
            firstCellIsHeader
            head={[
              { text: "Bid" },
              { text: "Final score", format: "numeric" },
              { text: "Type, area and track record" },
              { text: "Themes" },
              { text: "Focus" },
              { text: "Asked of CLG", format: "numeric" },
              { text: "Lock" },
            ]}
            rows={
              rows.length
                ? rows.map((row) => [
                    { html: <>{row.reference}<br /><span className="govuk-body-s">{row.authorityName}</span></> },
                    { text: row.score ?? "None", format: "numeric" },
                    {
                      html: (
                        <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                          <li>{row.type}</li>
                          <li>{row.setting}</li>
                          <li>{row.track}</li>
                        </ul>
                      ),
                    },
                    {
                      html: (
                        <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                          {row.themes.map((theme) => (
                            <li key={theme}>{theme}</li>
                          ))}
                        </ul>
                      ),
                    },
                    { text: row.focus },
                    { text: row.request, format: "numeric" },
                    {
                      html: row.reason ? (
                        <span className="govuk-body-s">Not a candidate: {row.reason.charAt(0).toLowerCase() + row.reason.slice(1)}</span>
                      ) : (
                        <Select
                          id={lockFieldId(row.eoiId)}
                          name={lockFieldId(row.eoiId)}
                          label={{ text: `Lock for ${row.reference}`, classes: "govuk-visually-hidden" }}
                          formGroup={{ classes: "govuk-!-margin-bottom-0" }}
                          errorMessage={error(lockFieldId(row.eoiId))}
                          value={values[lockFieldId(row.eoiId)] ?? ""}
                          items={[
                            { value: "", text: "Selection decides" },
                            { value: "in", text: "Lock in" },
                            { value: "out", text: "Rule out" },
                          ]}
                        />
                      ),
                    },
                  ])
                : [[{ text: "No bids from this region", colspan: 7 }]]
            }
          />
        ))}
        <Button text="Run the selection" name="intent" value="run" />
      </ServiceForm>
      )}
      {saved.length ? (
        <Table
          caption="Saved selections"
          captionClasses="govuk-table__caption--m"
          head={[{ text: "Saved" }, { text: "By" }, { text: "Pilots", format: "numeric" }, { text: "Total score", format: "numeric" }, { html: <span className="govuk-visually-hidden">Action</span> }]}
          rows={saved.map((s) => [
            { text: s.when },
            { text: s.by },
            { text: s.pilots, format: "numeric" },
            { text: s.total, format: "numeric" },
            {
              html: (
                <Link className="govuk-link" to={`/manage/sift/selections/${s.id}`}>
                  View<span className="govuk-visually-hidden"> the selection saved at {s.when}</span>
                </Link>
              ),
            },
          ])}
        />
      ) : null}
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, CharacterCount, ErrorSummary, FileUpload, Input, NotificationBanner, Radios } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { RECORD_FORM_FIELDS, recordKindFor } from "~/domain/monitoring/output-records";
import { OUTPUT_STATUSES, UPDATE_SUMMARY_WORD_LIMIT } from "~/domain/monitoring/outputs";
import { UPLOAD_ACCEPT, UPLOAD_TYPES_TEXT } from "~/domain/monitoring/uploads";
import { isOutputKey } from "~/domain/programme";
import { addOutputRecord, addOutputUpdate, outputDetail } from "~/services/pilot-outputs.server";
import { orPilotResponse, pilotForOfficer } from "~/services/pilots.server";
import { evidenceUploadHandler, fileFromForm } from "~/services/uploads.server";
import { pageTitle } from "~/utils/page";
import { addRecordLabel, OutputPlan, RecordFields, RecordsTable, UpdatesList } from "./applicant.pilot.outputs._shared/OutputViews";

// R-60 One output of the officer's own pilot: its plan, dated updates with evidence, its
// own records, and the forms to add an update (with a file or a link) and a record.

export const meta: MetaFunction<typeof loader> = ({ data: page }) => pageTitle(page ? `Output ${page.output.key}: ${page.output.title}` : "Output");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const db = getDb();
  return orPilotResponse(async () => {
    const pilot = await pilotForOfficer(db, user);
    const detail = await outputDetail(db, pilot, params.outputKey ?? "", now());
    return { authorityName: pilot.award.authorityName, added: new URL(request.url).searchParams.get("added"), ...detail };
  });
}

/** R-60 Adds an update (intent=update, multipart when a file is chosen) or a record (intent=record). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const db = getDb();
  const outputKey = params.outputKey ?? "";
  await orPilotResponse(async () => {
    await pilotForOfficer(db, user); // R-20 refused before the body (and any file) is read
    if (!isOutputKey(outputKey)) throw new Response("Not found", { status: 404 });
  });
  const form = await readForm(request, { uploadHandler: evidenceUploadHandler });
  const text = (name: string) => String(form.get(name) ?? "");
  if (form.get("intent") === "record") {
    const kind = recordKindFor(outputKey);
    if (!kind) throw new Response("Not found", { status: 404 });
    const values = Object.fromEntries(RECORD_FORM_FIELDS[kind].map((name) => [name, text(name)]));
    const result = await orPilotResponse(() => addOutputRecord(db, { user, outputKey, values, now: now() }));
    if (!result.ok) return data({ form: "record" as const, values, errors: result.errors }, { status: 400 });
    return redirect(`/applicant/pilot/outputs/${outputKey}?added=record#records`);
  }
  const values = { status: text("status"), summary: text("summary"), evidenceLink: text("evidenceLink") };
  const file = await fileFromForm(form, "evidenceFile");
  const result = await orPilotResponse(() => addOutputUpdate(db, { user, outputKey, values, file, now: now() }));
  if (!result.ok) return data({ form: "update" as const, values: values as Record<string, string>, errors: result.errors }, { status: 400 });
  return redirect(`/applicant/pilot/outputs/${outputKey}?added=update#updates`);
}

export default function OutputPage() {
  const page = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { output, records } = page;
  const errorsOf = (form: "update" | "record") => (failed?.form === form ? Object.fromEntries(failed.errors) : {});
  const valuesOf = (form: "update" | "record"): Record<string, string> => (failed?.form === form ? failed.values : {});
  const updateErrors = errorsOf("update");
  const updateValues = valuesOf("update");
  const error = (field: string) => (updateErrors[field] ? { text: updateErrors[field]! } : undefined);
  return (
    <>
      <BackLink href="/applicant/pilot/outputs" text="Back to outputs A to F" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {failed ? <ErrorSummary titleText="There is a problem" errorList={failed.errors.map(([field, text]) => ({ text, href: `#${field}` }))} /> : null}
          {page.added && !failed ? <NotificationBanner type="success" titleText="Success" text={page.added === "record" ? `${addRecordLabel(records?.kind ?? "event").replace(/^Add an? /, "The ")} was added` : "Your update was added"} /> : null}
          <span className="govuk-caption-l">{page.authorityName}</span>
          <h1 className="govuk-heading-l">
            Output {output.key}: {output.title}
          </h1>
          <OutputPlan output={output} />

          <h2 className="govuk-heading-m" id="updates">
            Updates
          </h2>
          <UpdatesList updates={page.updates} fileHref={(id) => `/applicant/pilot/files/${id}`} />

          <h2 className="govuk-heading-m">Add an update</h2>
          {/* Keyed by the number of updates, so that with JavaScript the form starts empty again once one is added. */}
          <ServiceForm key={`update-${page.updates.length}`} encType="multipart/form-data" action={`/applicant/pilot/outputs/${output.key}`}>
            <input type="hidden" name="intent" value="update" />
            <Radios
              idPrefix="status"
              name="status"
              fieldset={{ legend: { text: "Status of the output now", classes: "govuk-fieldset__legend--s" } }}
              errorMessage={error("status")}
              value={updateValues.status}
              items={OUTPUT_STATUSES.map((status) => ({ value: status.key, text: status.label, hint: { text: status.hint } }))}
            />
            <CharacterCount
              id="summary"
              name="summary"
              maxwords={UPDATE_SUMMARY_WORD_LIMIT}
              rows={5}
              label={{ text: "What happened", classes: "govuk-label--s" }}
              hint={{ text: "What was done since the last update, what is next, and anything that puts the output at risk" }}
              value={updateValues.summary}
              errorMessage={error("summary")}
            />
            <h3 className="govuk-heading-s">Evidence (optional)</h3>
            <p className="govuk-body">Give a link, choose a file, or both. An output marked complete needs evidence.</p>
            <Input
              id="evidenceLink"
              name="evidenceLink"
              type="url"
              spellcheck={false}
              autocomplete="url"
              label={{ text: "Link to evidence" }}
              hint={{ text: "A web address starting with https://, for example a report on your council's website" }}
              value={updateValues.evidenceLink}
              errorMessage={error("evidenceLink")}
            />
            {/* The file input comes last: every answer is read before the file (uploads.server.ts). */}
            <FileUpload id="evidenceFile" name="evidenceFile" label={{ text: "Evidence file" }} hint={{ text: `A ${UPLOAD_TYPES_TEXT} file, smaller than 10MB` }} errorMessage={error("evidenceFile")} attributes={{ accept: UPLOAD_ACCEPT }} />
            <Button text="Add update" />
          </ServiceForm>

        </div>
      </div>
      {records ? (
        <>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-full">
              <h2 className="govuk-heading-m" id="records">
                {records.title}
              </h2>
              <RecordsTable records={records} />
            </div>
          </div>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h2 className="govuk-heading-m">{addRecordLabel(records.kind)}</h2>
              <ServiceForm key={`record-${records.rows.length}`} action={`/applicant/pilot/outputs/${output.key}`}>
                <input type="hidden" name="intent" value="record" />
                <RecordFields kind={records.kind} values={valuesOf("record")} errors={errorsOf("record")} context={page.context} />
                <Button text={addRecordLabel(records.kind).replace(/^Add an? /, "Add ")} classes="govuk-button--secondary" />
              </ServiceForm>
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}

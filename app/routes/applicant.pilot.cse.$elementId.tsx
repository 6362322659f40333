import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { ServiceForm } from "~/components/forms";
import { BackLink, Button, ErrorSummary, FileUpload, Input, SummaryList, Textarea } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { formatDateLondon } from "~/domain/calendar";
import { CSE_CRITERIA, CSE_SUB_CRITERIA, isCseElementId } from "~/domain/monitoring/cse-elements";
import { UPLOAD_ACCEPT, UPLOAD_TYPES_TEXT } from "~/domain/monitoring/uploads";
import { addCseEvidence, cseElementForOfficer, csePilotForOfficer, removeCseEvidence } from "~/services/cse-evidence.server";
import { orPilotResponse } from "~/services/pilots.server";
import { evidenceUploadHandler, fileFromForm } from "~/services/uploads.server";
import { pageTitle } from "~/utils/page";

// R-63 R-20 One element of the CSE standard: the standard's guidance, the pilot's evidence for it
// (each removable), and a form to add a piece of evidence (a description, and a link and/or a file).

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `CSE element ${data.element.id}` : "CSE element");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const { pilot, element, evidence } = await orPilotResponse(() => cseElementForOfficer(getDb(), { user, elementId: params.elementId ?? "" }));
  const sub = CSE_SUB_CRITERIA.find((s) => s.id === element.subCriterion)!;
  const criterion = CSE_CRITERIA.find((c) => c.number === sub.criterion)!;
  return {
    authorityName: pilot.award.authorityName,
    element: { id: element.id, text: element.text, guidance: [...element.guidance] },
    context: `Criterion ${criterion.number} ${criterion.title} – ${sub.id} ${sub.title}`,
    evidence: evidence.map((e) => ({ id: e.id, evidence: e.evidence, link: e.link, uploadId: e.uploadId, fileName: e.fileName, added: `${e.createdByName}, ${formatDateLondon(new Date(e.createdAt))}` })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "applicant" });
  const elementId = params.elementId ?? "";
  await orPilotResponse(async () => {
    await csePilotForOfficer(getDb(), user); // R-20 refused before the body (and any file) is read
    if (!isCseElementId(elementId)) throw new Response("Not found", { status: 404 });
  });
  const form = await readForm(request, { uploadHandler: evidenceUploadHandler });
  const intent = String(form.get("intent") ?? "add");
  const values = { evidence: String(form.get("evidence") ?? ""), link: String(form.get("link") ?? "") };
  const result = intent.startsWith("remove:")
    ? await orPilotResponse(() => removeCseEvidence(getDb(), { user, elementId, evidenceId: Number(intent.slice("remove:".length)) || 0, now: now() }))
    : await orPilotResponse(async () => addCseEvidence(getDb(), { user, elementId, form: values, file: await fileFromForm(form, "file"), now: now() }));
  if (!result.ok) return data({ values, errors: result.errors.map(([field, text]) => ({ text, href: `#${field}` })), fields: Object.fromEntries(result.errors) as Record<string, string> }, { status: 400 });
  return redirect(`/applicant/pilot/cse/${elementId}`);
}

export default function CseElementPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields: Record<string, string> = actionData?.fields ?? {};
  const values = actionData?.values ?? { evidence: "", link: "" };
  return (
    <>
      <BackLink href="/applicant/pilot/cse" text="Back to Customer Service Excellence evidence" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actionData?.errors ? <ErrorSummary titleText="There is a problem" errorList={actionData.errors} /> : null}
          <span className="govuk-caption-l">{page.context}</span>
          <h1 className="govuk-heading-l">Element {page.element.id}</h1>
          <p className="govuk-body-l">{page.element.text}</p>
          <h2 className="govuk-heading-s">The standard’s guidance on evidence</h2>
          <ul className="govuk-list govuk-list--bullet">
            {page.element.guidance.map((point, i) => (
              <li key={i}>{point}</li>
            ))}
          </ul>

          <h2 className="govuk-heading-m" id="evidence-list" tabIndex={-1}>
            Your evidence
          </h2>
          {page.evidence.length === 0 ? (
            <p className="govuk-body">No evidence yet for this element.</p>
          ) : (
            <ServiceForm>
              <SummaryList
                rows={page.evidence.map((item, i) => ({
                  key: { text: `Evidence ${i + 1}` },
                  value: {
                    html: (
                      <>
                        <p className="govuk-body" style={{ whiteSpace: "pre-wrap" }}>
                          {item.evidence}
                        </p>
                        {item.link ? (
                          <p className="govuk-body">
                            <a className="govuk-link" href={item.link} rel="noreferrer noopener">
                              {item.link}
                            </a>
                          </p>
                        ) : null}
                        {item.uploadId ? (
                          <p className="govuk-body">
                            <a className="govuk-link" href={`/applicant/pilot/files/${item.uploadId}`}>
                              {item.fileName ?? "Evidence file"}
                            </a>
                          </p>
                        ) : null}
                        <p className="govuk-hint govuk-!-font-size-16">Added by {item.added}</p>
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" name="intent" value={`remove:${item.id}`}>
                          Remove<span className="govuk-visually-hidden"> evidence {i + 1}</span>
                        </button>
                      </>
                    ),
                  },
                }))}
              />
            </ServiceForm>
          )}

          <h2 className="govuk-heading-m">Add evidence</h2>
          <ServiceForm encType="multipart/form-data" key={`add-${page.evidence.length}`}>
            <input type="hidden" name="intent" value="add" />
            <Textarea id="evidence" name="evidence" rows={5} label={{ text: "Describe the evidence", classes: "govuk-label--s" }} hint={{ text: "What it is and how it shows the element, for example “Customer insight report 2009: profiles of our six main customer groups”" }} value={values.evidence} errorMessage={fields.evidence ? { text: fields.evidence } : undefined} />
            <Input id="link" name="link" type="url" spellcheck={false} label={{ text: "Link to the evidence (optional)", classes: "govuk-label--s" }} hint={{ text: "A web address, for example on your council’s website or intranet" }} value={values.link} errorMessage={fields.link ? { text: fields.link } : undefined} />
            <FileUpload id="file" name="file" label={{ text: "Evidence file (optional)", classes: "govuk-label--s" }} hint={{ text: `A ${UPLOAD_TYPES_TEXT} file, smaller than 10MB` }} errorMessage={fields.file ? { text: fields.file } : undefined} attributes={{ accept: UPLOAD_ACCEPT }} />
            <Button text="Add evidence" />
          </ServiceForm>
        </div>
      </div>
    </>
  );
}

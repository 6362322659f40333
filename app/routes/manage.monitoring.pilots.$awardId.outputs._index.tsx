import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { now } from "~/clock.server";
import { BackLink, Table, Tag } from "~/components/govuk";
import { getDb } from "~/data/db.server";
import { outputsForManager } from "~/services/pilot-outputs.server";
import { orPilotResponse } from "~/services/pilots.server";
import { pageTitle } from "~/utils/page";
import { OutputPlan, RecordsTable, UpdatesList } from "./applicant.pilot.outputs._shared/OutputViews";

// R-60 R-64 The programme manager's read-only view of one pilot's outputs A–F: statuses, updates
// with evidence, and records (R-20: the programme manager only).

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Outputs: ${data.authorityName}` : "Outputs");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, { role: "programme_manager" });
  if (!/^\d{1,9}$/.test(params.awardId ?? "")) throw new Response("Not found", { status: 404 });
  const { pilot, outputs } = await orPilotResponse(() => outputsForManager(getDb(), actor, Number(params.awardId), now()));
  return { awardId: pilot.award.id, authorityName: pilot.award.authorityName, region: pilot.award.region, outputs };
}

export default function ManagePilotOutputs() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={`/manage/monitoring/pilots/${page.awardId}`} text={`Back to ${page.authorityName}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <span className="govuk-caption-l">
            {page.authorityName}, {page.region}
          </span>
          <h1 className="govuk-heading-l">Outputs A to F</h1>
          <Table
            caption="Status of each output"
            captionClasses="govuk-table__caption--m"
            firstCellIsHeader
            head={[{ text: "Output" }, { text: "Due" }, { text: "Updates" }, { text: "Records" }, { text: "Status" }]}
            rows={page.outputs.map(({ output }) => [
              { html: <a className="govuk-link" href={`#output-${output.key}`}>{`${output.key}. ${output.title}`}</a> },
              { text: output.when || "No date given" },
              { text: String(output.updateCount), format: "numeric" },
              { text: output.recordKind ? String(output.recordCount) : "–", format: "numeric" },
              { html: <Tag text={output.statusLabel} classes={output.tagClass} /> },
            ])}
          />
        </div>
      </div>
      {page.outputs.map(({ output, updates, records }) => (
        <section key={output.key} className="govuk-grid-row" aria-labelledby={`output-${output.key}`}>
          <div className="govuk-grid-column-full">
            <h2 className="govuk-heading-m" id={`output-${output.key}`}>
              Output {output.key}: {output.title}
            </h2>
            <OutputPlan output={output} planLabel="The pilot's plan" />
            <h3 className="govuk-heading-s">Updates</h3>
            <UpdatesList updates={updates} fileHref={(id) => `/manage/monitoring/files/${id}`} headingLevel={4} />
            {records ? (
              <>
                <h3 className="govuk-heading-s">{records.title}</h3>
                <RecordsTable records={records} />
              </>
            ) : null}
          </div>
        </section>
      ))}
    </>
  );
}

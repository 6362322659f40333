import { DateInput, Input, Radios, Select, SummaryList, Table, Tag, Textarea } from "~/components/govuk";
import { formatDateLondon } from "~/domain/calendar";
import { TOOLKIT_AREAS, type RecordKind } from "~/domain/monitoring/output-records";
import type { OutputRecordsView, OutputSummary, OutputUpdateView } from "~/services/pilot-outputs.server";

// R-60 How an output reads, for the pilot's officers and (read-only) the programme manager.

type Serialised<T> = T;

/** The output's plan from the detailed application, its due date and its status. */
export function OutputPlan({ output, planLabel = "Your plan" }: { output: Serialised<OutputSummary>; planLabel?: string }) {
  return (
    <SummaryList
      rows={[
        { key: { text: "What the output is" }, value: { text: output.text } },
        { key: { text: planLabel }, value: { text: output.plan || "No plan was given in the detailed application" } },
        { key: { text: "Due" }, value: { text: output.when || "No date was given in the detailed application" } },
        ...(output.cost ? [{ key: { text: "Planned cost" }, value: { text: output.cost } }] : []),
        {
          key: { text: "Status" },
          value: {
            html: (
              <>
                <Tag text={output.statusLabel} classes={output.tagClass} />
                {output.lateByDate ? <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">The due date has passed and the output is not complete.</p> : null}
              </>
            ),
          },
        },
      ]}
    />
  );
}

/** The dated updates, newest first, each with its evidence. `fileHref` gives a file's download address. */
export function UpdatesList({ updates, fileHref, headingLevel = 3 }: { updates: Serialised<OutputUpdateView>[]; fileHref: (id: number) => string; headingLevel?: 3 | 4 }) {
  if (!updates.length) return <p className="govuk-body">No updates yet.</p>;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ol className="govuk-list">
      {updates.map((update) => (
        <li key={update.id} className="govuk-!-margin-bottom-6">
          <Heading className="govuk-heading-s govuk-!-margin-bottom-2">
            {update.at} <Tag text={update.statusLabel} classes={update.tagClass} />
          </Heading>
          <p className="govuk-body govuk-!-margin-bottom-2" style={{ whiteSpace: "pre-line" }}>
            {update.summary}
          </p>
          {update.file ? (
            <p className="govuk-body govuk-!-margin-bottom-1">
              Evidence file:{" "}
              <a className="govuk-link" href={fileHref(update.file.id)} download>
                {update.file.name}
              </a>{" "}
              ({update.file.size})
            </p>
          ) : null}
          {update.evidenceLink ? (
            <p className="govuk-body govuk-!-margin-bottom-1">
              Evidence link:{" "}
              <a className="govuk-link" href={update.evidenceLink} rel="noreferrer noopener external">
                {update.evidenceLink}
              </a>
            </p>
          ) : null}
          <p className="govuk-body-s govuk-!-margin-bottom-0">Added by {update.by || "an officer"}</p>
        </li>
      ))}
    </ol>
  );
}

/** The output's own records as a table. */
export function RecordsTable({ records }: { records: Serialised<OutputRecordsView> }) {
  if (!records.rows.length) return <p className="govuk-body">No {records.noun}s recorded yet.</p>;
  return (
    <Table
      caption={records.title}
      captionClasses="govuk-visually-hidden"
      head={[...records.columns.map((text) => ({ text })), { text: "Recorded" }]}
      rows={records.rows.map((row) => [...row.cells.map((text) => ({ text })), { text: `${row.at}${row.by ? ` by ${row.by}` : ""}` }])}
    />
  );
}

const ADD_LABEL: Record<RecordKind, string> = {
  event: "Add an event or workshop",
  "network-member": "Add a network member",
  "impact-figure": "Add a cost and staff-time figure",
  "change-proposal": "Add a Toolkit change proposal",
  "data-return": "Add a data return",
};
export const addRecordLabel = (kind: RecordKind) => ADD_LABEL[kind];

/** The add form's fields for one kind of record (inside the caller's form). */
export function RecordFields({ kind, values, errors, context }: { kind: RecordKind; values: Record<string, string>; errors: Record<string, string>; context: { start: string; end: string; today: string; quarters: readonly string[] } }) {
  const error = (field: string) => (errors[field] ? { text: errors[field]! } : undefined);
  const [year, month, day] = (context.today < context.end ? context.today : context.end).split("-").map(Number);
  const example = `${day} ${month} ${year}`;
  const period = `It must be between ${formatDateLondon(context.start)} and ${formatDateLondon(context.today < context.end ? context.today : context.end)}.`;
  const date = (prefix: string, legend: string, forExample: string) => (
    <DateInput
      id={prefix}
      namePrefix={prefix}
      fieldset={{ legend: { text: legend, classes: "govuk-fieldset__legend--s" } }}
      hint={{ text: `${period} For example, ${forExample}` }}
      errorMessage={error(`${prefix}-day`)}
      values={{ [`${prefix}-day`]: values[`${prefix}-day`], [`${prefix}-month`]: values[`${prefix}-month`], [`${prefix}-year`]: values[`${prefix}-year`] }}
    />
  );
  switch (kind) {
    case "event":
      return (
        <>
          {date("date", "Date of the event", example)}
          <Input id="place" name="place" label={{ text: "Where it was held", classes: "govuk-label--s" }} hint={{ text: "For example, Leeds Civic Hall" }} value={values.place} errorMessage={error("place")} />
          <Input id="attendees" name="attendees" label={{ text: "Number of people who attended", classes: "govuk-label--s" }} classes="govuk-input--width-5" inputmode="numeric" spellcheck={false} value={values.attendees} errorMessage={error("attendees")} />
          <Textarea
            id="authoritiesReached"
            name="authoritiesReached"
            rows={3}
            label={{ text: "Authorities reached", classes: "govuk-label--s" }}
            hint={{ text: "Enter how many local authorities the event reached, or list them, one on each line" }}
            value={values.authoritiesReached}
            errorMessage={error("authoritiesReached")}
          />
        </>
      );
    case "network-member":
      return (
        <>
          <Input id="name" name="name" label={{ text: "Name", classes: "govuk-label--s" }} autocomplete="off" spellcheck={false} value={values.name} errorMessage={error("name")} />
          <Input id="organisation" name="organisation" label={{ text: "Organisation", classes: "govuk-label--s" }} hint={{ text: "For example, Bradford Metropolitan District Council" }} value={values.organisation} errorMessage={error("organisation")} />
          <Input id="role" name="role" label={{ text: "Role", classes: "govuk-label--s" }} hint={{ text: "Their job title, or their role in the network" }} value={values.role} errorMessage={error("role")} />
          {date("joinedOn", "Date they joined the network", example)}
        </>
      );
    case "impact-figure":
      return (
        <>
          <Input id="description" name="description" label={{ text: "What the figure is for", classes: "govuk-label--s" }} hint={{ text: "For example, redesigning the contact centre's opening hours" }} value={values.description} errorMessage={error("description")} />
          <Input id="cost" name="cost" label={{ text: "Cost", classes: "govuk-label--s" }} hint={{ text: "Enter £0 if there was no cost beyond staff time" }} prefix={{ text: "£" }} classes="govuk-input--width-10" spellcheck={false} value={values.cost} errorMessage={error("cost")} />
          <Input id="staffHours" name="staffHours" label={{ text: "Staff time, in hours", classes: "govuk-label--s" }} hint={{ text: "For example, 37.5. Enter 0 if there was none" }} suffix={{ text: "hours" }} classes="govuk-input--width-5" inputmode="decimal" spellcheck={false} value={values.staffHours} errorMessage={error("staffHours")} />
        </>
      );
    case "change-proposal":
      return (
        <>
          <Radios
            idPrefix="theme"
            name="theme"
            fieldset={{ legend: { text: "Which part of the Toolkit is it about?", classes: "govuk-fieldset__legend--s" } }}
            errorMessage={error("theme")}
            value={values.theme}
            items={TOOLKIT_AREAS.map((area) => ({ value: area.key, text: area.label }))}
          />
          <Input id="section" name="section" label={{ text: "Toolkit section (optional)", classes: "govuk-label--s" }} hint={{ text: "The section, tool or heading, if it is about one" }} value={values.section} errorMessage={error("section")} />
          <Textarea id="proposal" name="proposal" rows={4} label={{ text: "The change you propose", classes: "govuk-label--s" }} value={values.proposal} errorMessage={error("proposal")} />
          <Textarea id="rationale" name="rationale" rows={4} label={{ text: "Why the Toolkit should change", classes: "govuk-label--s" }} hint={{ text: "What your pilot found that led to this proposal" }} value={values.rationale} errorMessage={error("rationale")} />
        </>
      );
    case "data-return":
      return (
        <>
          <Select
            id="period"
            name="period"
            label={{ text: "Period the return covers", classes: "govuk-label--s" }}
            errorMessage={error("period")}
            value={values.period}
            items={[{ value: "", text: "Choose a quarter" }, ...context.quarters.map((quarter) => ({ value: quarter, text: quarter }))]}
          />
          <Textarea id="description" name="description" rows={3} label={{ text: "What was returned", classes: "govuk-label--s" }} hint={{ text: "For example, contact volumes by channel and customer satisfaction survey results" }} value={values.description} errorMessage={error("description")} />
          {date("sentOn", "Date the return was sent", example)}
        </>
      );
  }
}


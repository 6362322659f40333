import { Table, Tag } from "~/components/govuk";
import { CSE_ELEMENTS, type CseCoverage } from "~/domain/monitoring/cse-elements";

// R-63 The CSE coverage view: per criterion and sub-criterion, how many of its elements have
// evidence, and each element with its pieces of evidence. Shared by the pilot's page (elements
// link to their evidence page) and the programme manager's read-only page.

export interface CoverageEvidence {
  id: number;
  elementId: string;
  evidence: string;
  link: string | null;
  uploadId: number | null;
  fileName: string | null;
  addedBy: string;
  addedOn: string;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

export function CoverageSummary({ coverage }: { coverage: CseCoverage }) {
  return (
    <Table
      caption="Coverage of the standard"
      captionClasses="govuk-table__caption--m"
      firstCellIsHeader
      head={[{ text: "Criterion" }, { text: "Elements with evidence", format: "numeric" }]}
      rows={[
        ...coverage.criteria.map((c) => [{ html: <a className="govuk-link" href={`#criterion-${c.number}`}>{`${c.number}. ${c.title}`}</a> }, { text: `${c.covered} of ${c.total}`, format: "numeric" }]),
        [{ text: "All criteria" }, { html: <strong>{`${coverage.covered} of ${coverage.total}`}</strong>, format: "numeric" }],
      ]}
    />
  );
}

export function CoverageDetail({ coverage, evidence, elementHref }: { coverage: CseCoverage; evidence: CoverageEvidence[]; elementHref?: (id: string) => string }) {
  return (
    <>
      {coverage.criteria.map((criterion) => (
        <section key={criterion.number} id={`criterion-${criterion.number}`} aria-labelledby={`criterion-${criterion.number}-heading`}>
          <h2 className="govuk-heading-l" id={`criterion-${criterion.number}-heading`}>
            <span className="govuk-caption-m">
              Criterion {criterion.number}: {criterion.covered} of {criterion.total} elements with evidence
            </span>
            {criterion.title}
          </h2>
          {criterion.subCriteria.map((sub) => (
            <Table
              key={sub.id}
              caption={`${sub.id} ${sub.title}: ${sub.covered} of ${sub.total} elements with evidence`}
              captionClasses="govuk-table__caption--s"
              head={[{ text: "Element", classes: elementHref ? "govuk-!-width-three-quarters" : "govuk-!-width-one-half" }, { text: "Evidence" }]}
              rows={CSE_ELEMENTS.filter((e) => e.subCriterion === sub.id).map((element) => {
                const items = evidence.filter((item) => item.elementId === element.id);
                return [
                  {
                    html: (
                      <>
                        <strong>{element.id}</strong> {elementHref ? <a className="govuk-link" href={elementHref(element.id)}>{element.text}</a> : element.text}
                      </>
                    ),
                    classes: "app-cse-element",
                  },
                  {
                    html: items.length ? (
                      <>
                        <Tag text={plural(items.length, "item")} classes="govuk-tag--green" />
                        {elementHref ? null : (
                          <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-top-2">
                            {items.map((item) => (
                              <li key={item.id}>
                                {item.evidence}
                                {item.link ? (
                                  <>
                                    {" "}
                                    <a className="govuk-link" href={item.link} rel="noreferrer noopener">
                                      (link<span className="govuk-visually-hidden"> to {item.evidence}</span>)
                                    </a>
                                  </>
                                ) : null}
                                {item.uploadId ? (
                                  <>
                                    {" "}
                                    <a className="govuk-link" href={`/manage/monitoring/files/${item.uploadId}`}>
                                      {item.fileName ?? "file"}
                                    </a>
                                  </>
                                ) : null}
                              </li>
                            ))}
                          </ul>
                        )}
                      </>
                    ) : (
                      <Tag text="None" classes="govuk-tag--grey" />
                    ),
                  },
                ];
              })}
            />
          ))}
        </section>
      ))}
    </>
  );
}

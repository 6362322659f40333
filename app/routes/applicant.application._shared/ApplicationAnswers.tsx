import { SummaryList, Table } from "~/components/govuk";
import type { AnswersView, BudgetTable } from "~/services/application-view.server";

// R-51 R-52 A detailed application's answers, section by section, with the budget as a table by
// line and quarter. On "Check your answers" each answer has a Change link (`changeBase`); the
// programme manager reads the same view without them.

export function BudgetTableView({ budget, caption }: { budget: BudgetTable; caption: string }) {
  return (
    <>
      <Table
        caption={caption}
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        head={[{ text: "Budget line" }, { text: "Funded by" }, ...budget.quarters.map((q) => ({ text: q, format: "numeric" })), { text: "Total", format: "numeric" }]}
        rows={[
          ...budget.lines.map((line) => [
            { html: <>{line.description}<br /><span className="govuk-hint">{line.category}</span></> },
            { text: line.fundedBy },
            ...line.byQuarter.map((amount) => ({ text: amount, format: "numeric" })),
            { text: line.total, format: "numeric" },
          ]),
          [{ text: "Funded by CLG" }, { text: "" }, ...budget.totals.byQuarter.map((q) => ({ text: q.clg, format: "numeric" })), { text: budget.totals.clg, format: "numeric" }],
          [{ text: "Funded by other sources" }, { text: "" }, ...budget.totals.byQuarter.map((q) => ({ text: q.other, format: "numeric" })), { text: budget.totals.other, format: "numeric" }],
          [{ text: "Total" }, { text: "" }, ...budget.totals.byQuarter.map((q) => ({ text: q.total, format: "numeric" })), { html: <strong>{budget.totals.total}</strong>, format: "numeric" }],
        ]}
      />
      {budget.otherSources.length ? (
        <SummaryList
          classes="govuk-summary-list--no-border"
          rows={budget.otherSources.map((s) => ({ key: { text: s.source }, value: { text: s.amount } }))}
        />
      ) : null}
    </>
  );
}

export function ApplicationAnswers({ view, changeBase }: { view: AnswersView; changeBase?: string }) {
  return (
    <>
      {view.sections.map((section) => (
        <div key={section.id} id={`answers-${section.id}`}>
          <h2 className="govuk-heading-m">
            {section.number}. {section.title}
          </h2>
          {section.id === "budget" ? (
            <>
              <BudgetTableView budget={view.budget} caption="Budget by line and quarter" />
              {changeBase ? (
                <p className="govuk-body">
                  <a className="govuk-link" href={`${changeBase}/budget/1`}>
                    Change<span className="govuk-visually-hidden"> the budget lines</span>
                  </a>
                </p>
              ) : null}
            </>
          ) : null}
          <SummaryList
            rows={section.rows.map((row) => ({
              key: { text: row.label },
              value: {
                html: row.rows ? (
                  row.rows.length ? (
                    <ol className="govuk-list govuk-list--number">
                      {row.rows.map((fields, index) => (
                        <li key={index}>
                          {fields.map((f, i) => (
                            <p key={i} className="govuk-body govuk-!-margin-bottom-1 app-answer">
                              <span className="govuk-!-font-weight-bold">{f.label}:</span> {f.value || "–"}
                            </p>
                          ))}
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <span className="govuk-hint">None added</span>
                  )
                ) : row.lines.length ? (
                  <>{row.lines.map((line, i) => <p key={i} className="govuk-body app-answer">{line}</p>)}</>
                ) : (
                  <span className="govuk-hint">Not answered</span>
                ),
              },
              actions: changeBase ? { items: [{ href: `${changeBase}/${section.id}/${row.page}#${row.name}`, text: "Change", visuallyHiddenText: row.label }] } : undefined,
            }))}
          />
        </div>
      ))}
    </>
  );
}

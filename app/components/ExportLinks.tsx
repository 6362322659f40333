/** R-72 One export's downloads, as CSV and as an Excel workbook (the staff pages that list exports). */
export function ExportLinks({ base, file, title }: { base: string; file: string; title: string }) {
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      <li>
        <a className="govuk-link" href={`${base}/${file}.csv`} download>
          CSV<span className="govuk-visually-hidden"> of {title.toLowerCase()}</span>
        </a>
      </li>
      <li>
        <a className="govuk-link" href={`${base}/${file}.xlsx`} download>
          Excel<span className="govuk-visually-hidden"> workbook of {title.toLowerCase()}</span>
        </a>
      </li>
    </ul>
  );
}

import type { ReactNode } from "react";
import { Table, type TableCell } from "~/components/govuk";
import { TableScroll } from "./TableScroll";

export interface ChartTable {
  caption: string;
  head: TableCell[];
  rows: TableCell[][];
}

/**
 * R-64 A chart as the dashboard shows it: a heading, the picture (an SVG with role="img", a
 * <title> and a <desc> that says what it shows in words), its legend, and the table of the same
 * numbers straight after it — for anyone who would rather read the numbers, and for screen readers.
 */
export function ChartFigure({ id, heading, chart, legend, table }: { id: string; heading: string; chart: ReactNode; legend?: ReactNode; table: ChartTable }) {
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-8" aria-labelledby={`${id}-heading`} id={id}>
      <figcaption id={`${id}-heading`} className="govuk-heading-m">
        {heading}
      </figcaption>
      <div className="govuk-body govuk-!-margin-bottom-2">{chart}</div>
      {legend}
      <TableScroll label={table.caption}>
        <Table caption={table.caption} captionClasses="govuk-table__caption--s" classes="govuk-table--small-text-until-tablet" firstCellIsHeader head={table.head} rows={table.rows} />
      </TableScroll>
    </figure>
  );
}

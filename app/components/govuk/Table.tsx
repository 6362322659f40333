import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface TableCell {
  text?: Text;
  html?: Html;
  /** `numeric` right-aligns the cell. */
  format?: string;
  classes?: string;
  colspan?: number;
  rowspan?: number;
  attributes?: Attributes;
}

export interface TableProps {
  rows: Array<Array<TableCell | null | undefined> | null | undefined>;
  head?: TableCell[];
  caption?: Text;
  captionClasses?: string;
  firstCellIsHeader?: boolean;
  classes?: string;
  attributes?: Attributes;
}

/** GOV.UK table (govukTable). */
export function Table({ rows, head, caption, captionClasses, firstCellIsHeader, classes, attributes }: TableProps) {
  return (
    <table {...mergeProps({ className: cx("govuk-table", classes) }, attributeProps(attributes))}>
      {caption ? <caption className={cx("govuk-table__caption", captionClasses)}>{caption}</caption> : null}
      {head ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((item, index) => (
              <th
                key={index}
                {...mergeProps(
                  {
                    scope: "col",
                    className: cx("govuk-table__header", item.format && `govuk-table__header--${item.format}`, item.classes),
                    colSpan: item.colspan || undefined,
                    rowSpan: item.rowspan || undefined,
                  },
                  attributeProps(item.attributes),
                )}
                {...contentProps(item.html, item.text, { trim: false })}
              />
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {(rows ?? []).map((row, rowIndex) =>
          row ? (
            <tr key={rowIndex} className="govuk-table__row">
              {row.map((maybeCell, cellIndex) => {
                const cell = maybeCell ?? {};
                const common = [{ colSpan: cell.colspan || undefined, rowSpan: cell.rowspan || undefined }, attributeProps(cell.attributes)];
                return cellIndex === 0 && firstCellIsHeader ? (
                  <th key={cellIndex} {...mergeProps({ scope: "row", className: cx("govuk-table__header", cell.classes) }, ...common)} {...contentProps(cell.html, cell.text, { trim: false })} />
                ) : (
                  <td
                    key={cellIndex}
                    {...mergeProps({ className: cx("govuk-table__cell", cell.format && `govuk-table__cell--${cell.format}`, cell.classes) }, ...common)}
                    {...contentProps(cell.html, cell.text, { trim: false })}
                  />
                );
              })}
            </tr>
          ) : null,
        )}
      </tbody>
    </table>
  );
}

import { fillOf, PatternDefs } from "./Patterns";
import type { SeriesStyle } from "./palette";

// R-64 Horizontal bars, one row per item, each made of stacked segments (and, behind them, an
// outlined track for a total such as the award). Server-rendered SVG, no JavaScript. Widths are
// percentages of the chart's width and text has a fixed size, so the bars stretch to the page
// (from 320 px to a desktop column) while the words stay readable (docs/decisions/0065).

export interface BarSegment {
  value: number;
  style: SeriesStyle;
  /** Text drawn inside the segment when it is wide enough (a count). */
  label?: string;
}

export interface BarRow {
  label: string;
  /** Short text at the right end of the row's label line, e.g. "45%". */
  note?: string;
  segments: BarSegment[];
  /** An outlined track behind the segments (e.g. the award), in the same units. */
  track?: { value: number; label: string };
}

export interface StackedBarsProps {
  id: string;
  /** The chart's name (its SVG <title>). */
  title: string;
  /** What it shows, in words (its SVG <desc>): the text alternative. */
  description: string;
  rows: BarRow[];
  /** The value of a full-width bar. */
  max: number;
}

const LABEL_LINE = 20;
const BAR = 26;
const ROW = LABEL_LINE + BAR + 14;
const pct = (value: number) => `${Math.max(0, Math.min(100, value)).toFixed(3)}%`;

export function StackedBars({ id, title, description, rows, max }: StackedBarsProps) {
  const height = rows.length * ROW;
  const scale = max > 0 ? 100 / max : 0;
  const styles = rows.flatMap((row) => row.segments.map((segment) => segment.style));
  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%" height={height} overflow="visible" focusable="false" data-chart={id}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <PatternDefs prefix={id} styles={styles} />
      {rows.map((row, index) => {
        const top = index * ROW;
        const barTop = top + LABEL_LINE + 4;
        let offset = 0;
        return (
          <g key={row.label}>
            <text x="0" y={top + 15} fontSize="16" fill="#0b0c0c" fontWeight="700">
              {row.label}
            </text>
            {row.note ? (
              <text x="100%" y={top + 15} fontSize="16" fill="#0b0c0c" textAnchor="end">
                {row.note}
              </text>
            ) : null}
            {row.track ? <rect x="0" y={barTop} width={pct(row.track.value * scale)} height={BAR} fill="#ffffff" stroke="#505a5f" strokeWidth="2" /> : null}
            {!row.track ? <line x1="0" x2="0" y1={barTop - 2} y2={barTop + BAR + 2} stroke="#505a5f" strokeWidth="2" /> : null}
            {row.segments.map((segment, s) => {
              if (segment.value <= 0) return null;
              const x = offset * scale;
              const width = segment.value * scale;
              offset += segment.value;
              return (
                <g key={s}>
                  <rect x={pct(x)} y={barTop} width={pct(width)} height={BAR} fill={fillOf(id, segment.style)} stroke="#ffffff" strokeWidth="2" />
                  {segment.label ? (
                    <text x={pct(x + width / 2)} y={barTop + BAR / 2 + 5} fontSize="15" fontWeight="700" textAnchor="middle" fill="#0b0c0c" stroke="#ffffff" strokeWidth="4" paintOrder="stroke">
                      {segment.label}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

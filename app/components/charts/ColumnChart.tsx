import { fillOf, PatternDefs } from "./Patterns";
import type { SeriesStyle } from "./palette";

// R-64 Columns over time (e.g. claims by quarter, cumulative) against reference lines (the fund,
// the awards). Server-rendered SVG: x positions are percentages, heights and text in pixels, so
// the chart fills the width it is given and its words stay legible at 320 px (docs/decisions/0065).

export interface Column {
  label: string;
  /** Short text above the column, e.g. "£120k". */
  note?: string;
  segments: Array<{ value: number; style: SeriesStyle }>;
}

export interface ReferenceLine {
  value: number;
  label: string;
  dashed?: boolean;
}

export interface ColumnChartProps {
  id: string;
  title: string;
  description: string;
  columns: Column[];
  lines?: ReferenceLine[];
  /** The value at the top of the plot. */
  max: number;
}

const PLOT_TOP = 26;
const PLOT_HEIGHT = 220;
const AXIS = 30;
const pct = (value: number) => `${value.toFixed(3)}%`;

export function ColumnChart({ id, title, description, columns, lines = [], max }: ColumnChartProps) {
  const height = PLOT_TOP + PLOT_HEIGHT + AXIS;
  const baseline = PLOT_TOP + PLOT_HEIGHT;
  const y = (value: number) => baseline - (max > 0 ? Math.min(value, max) / max : 0) * PLOT_HEIGHT;
  const slot = columns.length ? 100 / columns.length : 100;
  const styles = columns.flatMap((column) => column.segments.map((segment) => segment.style));
  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%" height={height} overflow="visible" focusable="false" data-chart={id}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <PatternDefs prefix={id} styles={styles} />
      {columns.map((column, index) => {
        const left = slot * index + slot * 0.2;
        const width = slot * 0.6;
        let stacked = 0;
        return (
          <g key={column.label}>
            {column.segments.map((segment, s) => {
              if (segment.value <= 0) return null;
              const top = y(stacked + segment.value);
              const bottom = y(stacked);
              stacked += segment.value;
              return <rect key={s} x={pct(left)} y={top} width={pct(width)} height={Math.max(0, bottom - top)} fill={fillOf(id, segment.style)} stroke="#ffffff" strokeWidth="2" />;
            })}
            {column.note ? (
              <text x={pct(left + width / 2)} y={y(stacked) - 6} fontSize="16" textAnchor="middle" fill="#0b0c0c" stroke="#ffffff" strokeWidth="4" paintOrder="stroke">
                {column.note}
              </text>
            ) : null}
            <text x={pct(slot * index + slot / 2)} y={baseline + 20} fontSize="16" textAnchor="middle" fill="#0b0c0c">
              {column.label}
            </text>
          </g>
        );
      })}
      <line x1="0" x2="100%" y1={baseline} y2={baseline} stroke="#0b0c0c" strokeWidth="2" />
      {lines.map((line) => (
        <g key={line.label}>
          <line x1="0" x2="100%" y1={y(line.value)} y2={y(line.value)} stroke={line.dashed ? "#0b0c0c" : "#505a5f"} strokeWidth="2" strokeDasharray={line.dashed ? "6 4" : undefined} />
          <text x="0" y={y(line.value) - 6} fontSize="16" fill="#0b0c0c" stroke="#ffffff" strokeWidth="4" paintOrder="stroke">
            {line.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

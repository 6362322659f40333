import type { PatternKind, SeriesStyle } from "./palette";

// SVG patterns: white marks on the series' colour, so series differ by shape as well as colour.

const TILE = 8;

const patternId = (prefix: string, style: SeriesStyle) => `${prefix}-${style.pattern}-${style.colour.slice(1)}`;

/** What to put in a shape's `fill` for a series. */
export function fillOf(prefix: string, style: SeriesStyle): string {
  return style.pattern === "solid" ? style.colour : `url(#${patternId(prefix, style)})`;
}

function marks(kind: PatternKind) {
  switch (kind) {
    case "diagonal":
      return <path d={`M-2,2 l4,-4 M0,${TILE} l${TILE},-${TILE} M${TILE - 2},${TILE + 2} l4,-4`} stroke="#ffffff" strokeWidth="2" />;
    case "dots":
      return <circle cx={TILE / 2} cy={TILE / 2} r="1.8" fill="#ffffff" />;
    case "crosshatch":
      return <path d={`M0,0 L${TILE},${TILE} M${TILE},0 L0,${TILE}`} stroke="#ffffff" strokeWidth="1.5" />;
    case "horizontal":
      return <path d={`M0,${TILE / 2} H${TILE}`} stroke="#ffffff" strokeWidth="2" />;
    case "solid":
      return null;
  }
}

/** The `<defs>` of the patterns the styles use (once each). */
export function PatternDefs({ prefix, styles }: { prefix: string; styles: readonly SeriesStyle[] }) {
  const seen = new Map<string, SeriesStyle>();
  for (const style of styles) if (style.pattern !== "solid") seen.set(patternId(prefix, style), style);
  if (!seen.size) return null;
  return (
    <defs>
      {[...seen].map(([id, style]) => (
        <pattern key={id} id={id} width={TILE} height={TILE} patternUnits="userSpaceOnUse">
          <rect width={TILE} height={TILE} fill={style.colour} />
          {marks(style.pattern)}
        </pattern>
      ))}
    </defs>
  );
}

/** A small square of a series' colour and pattern, for a legend beside the chart (decorative: the label says it). */
export function Swatch({ prefix, style }: { prefix: string; style: SeriesStyle }) {
  return (
    <svg width="24" height="16" viewBox="0 0 24 16" aria-hidden="true" focusable="false" className="app-chart-swatch">
      <PatternDefs prefix={prefix} styles={[style]} />
      <rect x="1" y="1" width="22" height="14" fill={fillOf(prefix, style)} stroke={style.colour} strokeWidth="2" />
    </svg>
  );
}

/** The legend: each series' swatch and its name, in words. */
export function Legend({ prefix, styles }: { prefix: string; styles: readonly SeriesStyle[] }) {
  return (
    <ul className="govuk-list govuk-body-s">
      {styles.map((style) => (
        <li key={style.label}>
          <Swatch prefix={`${prefix}-legend`} style={style} /> {style.label}
        </li>
      ))}
    </ul>
  );
}

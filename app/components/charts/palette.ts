// Colours and patterns of the dashboard's charts. Every colour has a contrast of at least
// 3:1 against the white page (WCAG 2.2, 1.4.11 non-text contrast), and every series also has its
// own pattern of white marks and a text label, so no chart relies on colour alone (1.4.1).
// docs/decisions/0065-dashboard-charts-as-plain-svg.md

import type { OutputStatus } from "~/domain/monitoring/outputs";

export type PatternKind = "solid" | "diagonal" | "dots" | "crosshatch" | "horizontal";

export interface SeriesStyle {
  /** What the series is, as the legend and the table say it. */
  label: string;
  /** A hex colour, #rrggbb. */
  colour: string;
  pattern: PatternKind;
}

/** GOV.UK colours, darkened where the tag colour is too light for a shape on white. */
export const CHART_COLOURS = {
  green: "#00703c",
  blue: "#1d70b8",
  orange: "#b35c00",
  red: "#ca3535",
  grey: "#505a5f",
  purple: "#4c2c92",
  black: "#0b0c0c",
} as const;

/** R-60 The output statuses as the charts draw them: the same colour family as their GOV.UK tags. */
export const OUTPUT_STATUS_STYLES: Record<OutputStatus, SeriesStyle> = {
  "not-started": { label: "Not started", colour: CHART_COLOURS.grey, pattern: "horizontal" },
  "on-track": { label: "On track", colour: CHART_COLOURS.blue, pattern: "diagonal" },
  "at-risk": { label: "At risk", colour: CHART_COLOURS.orange, pattern: "dots" },
  late: { label: "Late", colour: CHART_COLOURS.red, pattern: "crosshatch" },
  complete: { label: "Complete", colour: CHART_COLOURS.green, pattern: "solid" },
};

/** R-62 R-64 Money: approved claims, claims waiting for a decision. */
export const MONEY_STYLES = {
  approved: { label: "Approved claims", colour: CHART_COLOURS.blue, pattern: "solid" },
  pending: { label: "Claims waiting for a decision", colour: CHART_COLOURS.purple, pattern: "diagonal" },
} as const satisfies Record<string, SeriesStyle>;

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

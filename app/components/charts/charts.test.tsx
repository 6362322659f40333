import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChartFigure, ColumnChart, Legend, MONEY_STYLES, OUTPUT_STATUS_STYLES, StackedBars, contrastRatio } from "./index";
import { CHART_COLOURS } from "./palette";

const styles = [...Object.values(OUTPUT_STATUS_STYLES), ...Object.values(MONEY_STYLES)];

function bars() {
  return (
    <StackedBars
      id="spend"
      title="Spend against award by region"
      description="North East: £20,000 approved of a £95,000 award."
      max={100_000}
      rows={[
        {
          label: "North East",
          note: "21%",
          track: { value: 95_000, label: "Award" },
          segments: [
            { value: 20_000, style: MONEY_STYLES.approved },
            { value: 5_000, style: MONEY_STYLES.pending },
          ],
        },
      ]}
    />
  );
}

describe("R-64 charts: server-rendered SVG with a text alternative and the table beside", () => {
  it("R-64 a chart is an SVG with role img, labelled by its title and description", () => {
    const html = renderToStaticMarkup(bars());
    expect(html).toMatch(/^<svg role="img" aria-labelledby="spend-title spend-desc"/);
    expect(html).toContain('<title id="spend-title">Spend against award by region</title>');
    expect(html).toContain('<desc id="spend-desc">North East: £20,000 approved of a £95,000 award.</desc>');
  });

  it("R-64 bars are sized in percentages of the chart's width, never fixed pixel widths, so they fit 320 px", () => {
    const html = renderToStaticMarkup(bars());
    expect(html).toContain('width="100%"');
    expect(html).toContain('width="20.000%"'); // £20,000 of a £100,000 scale
    expect(html).toContain('x="20.000%" y="24" width="5.000%"'); // waiting claims stacked after the approved
    expect(html).toContain('width="95.000%"'); // the award's track
    const drawn = html.replace(/<defs>.*<\/defs>/, ""); // pattern tiles are in pixels, as patterns are
    for (const match of drawn.matchAll(/<rect [^>]*\swidth="([^"]+)"/g)) expect(match[1]).toMatch(/%$/);
  });

  it("R-64 WCAG 1.4.11: every series colour has a contrast of 3:1 or more against white; no two series share colour and pattern", () => {
    for (const style of styles) expect(contrastRatio(style.colour, "#ffffff"), style.label).toBeGreaterThanOrEqual(3);
    for (const colour of Object.values(CHART_COLOURS)) expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
    const statusPatterns = Object.values(OUTPUT_STATUS_STYLES).map((s) => s.pattern);
    expect(new Set(statusPatterns).size).toBe(statusPatterns.length); // told apart without colour
  });

  it("R-64 WCAG 1.4.1: patterned series are drawn with patterns defined in the chart, and the legend names each in words", () => {
    const html = renderToStaticMarkup(bars());
    expect(html).toContain('<pattern id="spend-diagonal-4c2c92"');
    expect(html).toContain('fill="url(#spend-diagonal-4c2c92)"');
    const legend = renderToStaticMarkup(<Legend prefix="status" styles={Object.values(OUTPUT_STATUS_STYLES)} />);
    for (const style of Object.values(OUTPUT_STATUS_STYLES)) expect(legend).toContain(style.label);
    expect(legend).toContain('aria-hidden="true"');
  });

  it("R-64 the column chart draws a column per quarter and the fund as a labelled line", () => {
    const html = renderToStaticMarkup(
      <ColumnChart
        id="claims"
        title="Claims over time against the fund"
        description="Approved claims reached £25,000 by Q3 2009/10, of a £900,000 fund."
        max={900_000}
        lines={[{ value: 900_000, label: "Fund £900,000", dashed: true }]}
        columns={[
          {
            label: "Q2 2009/10",
            note: "£10k",
            segments: [{ value: 10_000, style: MONEY_STYLES.approved }],
          },
          {
            label: "Q3 2009/10",
            note: "£29k",
            segments: [
              { value: 25_000, style: MONEY_STYLES.approved },
              { value: 4_000, style: MONEY_STYLES.pending },
            ],
          },
        ]}
      />
    );
    expect(html).toContain('role="img"');
    expect(html).toContain("Q3 2009/10</text>");
    expect(html).toContain("Fund £900,000</text>");
    expect((html.match(/<rect /g) ?? []).length).toBe(3 + 1); // three segments and the pattern's tile
  });

  it("R-64 a chart figure puts the table of the same numbers straight after the picture", () => {
    const html = renderToStaticMarkup(
      <ChartFigure
        id="spend-figure"
        heading="Spend against award"
        chart={bars()}
        table={{
          caption: "Spend against award by region",
          head: [{ text: "Region" }, { text: "Approved" }],
          rows: [[{ text: "North East" }, { text: "£20,000" }]],
        }}
      />
    );
    expect(html.indexOf("<svg")).toBeLessThan(html.indexOf("<table"));
    expect(html).toContain('<figcaption id="spend-figure-heading"');
    expect(html).toContain("£20,000</td>");
  });
});

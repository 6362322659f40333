export { ChartFigure, type ChartTable } from "./ChartFigure";
export { ColumnChart, type Column, type ColumnChartProps, type ReferenceLine } from "./ColumnChart";
export { Legend, Swatch } from "./Patterns";
export { CHART_COLOURS, MONEY_STYLES, OUTPUT_STATUS_STYLES, contrastRatio, type SeriesStyle } from "./palette";
export { StackedBars, type BarRow, type BarSegment, type StackedBarsProps } from "./StackedBars";
export { TableScroll } from "./TableScroll";

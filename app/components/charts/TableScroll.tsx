import type { ReactNode } from "react";

/**
 * A table that may be wider than a phone scrolls sideways inside its own box (which the keyboard
 * can reach and scroll), so the page itself never scrolls sideways at 320 px (WCAG 1.4.10).
 * Needs charts.css on the page.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

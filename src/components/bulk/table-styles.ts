// Shared classes of the bulk report's tables, matching the diagnosis tables on the home page.
export const TABLE = 'w-full border-collapse text-sm';
export const CELL = 'border border-slate-300 px-2 py-1 align-top dark:border-slate-700';
export const HEAD = `${CELL} bg-slate-100 text-left font-semibold dark:bg-slate-900`;
export const NUMBER = `${CELL} text-right tabular-nums`;
export const FOOT = `${CELL} font-semibold`;
/** A table that may be wider than the screen scrolls inside a focusable region (WCAG 2.1.1). */
export const SCROLLER = 'mt-3 overflow-x-auto';

"use client";

/** Opens the browser's print dialog (the print view's only control besides «назад»). */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-brand-700 px-4 py-1.5 text-sm font-medium text-white"
    >
      Печать
    </button>
  );
}

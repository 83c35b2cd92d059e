/**
 * Sorting for the comparison table, added only when JavaScript runs (the table reads in
 * indicator order without it): rows within each domain, worst first for the chosen column,
 * by the cell's England fifth (1 = worst). The choice is announced by the select itself.
 */
export function enableCompareSort(): void {
  const controls = document.querySelector<HTMLElement>('.sort-controls');
  const select = document.querySelector<HTMLSelectElement>('#sort-by');
  const table = document.querySelector<HTMLTableElement>('#compare');
  if (!controls || !select || !table) return;
  const groups = [...table.tBodies].map((tb) => {
    const rows = [...tb.rows].slice(1);
    return { tb, rows, original: rows.slice() };
  });
  select.addEventListener('change', () => {
    const col = select.value === '' ? -1 : Number(select.value);
    for (const g of groups) {
      const order = col < 0 ? g.original : g.rows.slice().sort((a, b) => rank(a, col) - rank(b, col) || g.original.indexOf(a) - g.original.indexOf(b));
      for (const r of order) g.tb.appendChild(r);
    }
  });
  controls.hidden = false;
}

function rank(row: HTMLTableRowElement, col: number): number {
  const w = Number(row.cells[col + 1]?.dataset.w);
  return Number.isFinite(w) && w > 0 ? w : 9;
}

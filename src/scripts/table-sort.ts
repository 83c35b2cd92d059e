/**
 * Sorting for a table marked data-sortable, added only when JavaScript runs: each heading with
 * data-sort (the column's index) becomes a button; rows sort within each tbody by the cells'
 * data-v (numbers, blanks last), descending first, then ascending; aria-sort says which.
 */
export function enableTableSort(table: HTMLTableElement | null): void {
  if (!table) return;
  const heads = [...table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]')];
  const groups = [...table.tBodies].map((tb) => ({ tb, rows: [...tb.rows].filter((r) => !r.classList.contains('group')) }));
  for (const th of heads) {
    const col = Number(th.dataset.sort);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const descending = th.getAttribute('aria-sort') !== 'descending';
      heads.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const value = (r: HTMLTableRowElement) => { const v = r.cells[col]?.dataset.v; return v === undefined || v === '' ? null : Number(v); };
      for (const g of groups) {
        const sorted = g.rows.slice().sort((a, b) => {
          const [x, y] = [value(a), value(b)];
          if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
          return descending ? y - x : x - y;
        });
        for (const r of sorted) g.tb.appendChild(r);
      }
    });
  }
  table.closest('main')?.querySelector<HTMLElement>('[data-sort-note]')?.removeAttribute('hidden');
}

/** Elements made with text only (never markup), for every script of the atlas. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/**
 * Sets an element's text only where it differs: text the page was built with is left as it is,
 * so it is not painted again (which would make it the page's largest paint a second time, late).
 */
export function setText(e: Element | null, text: string): void {
  if (e && e.textContent !== text) e.textContent = text;
}

const SVG = 'http://www.w3.org/2000/svg';
/** An SVG element with its attributes. */
export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** A table with a caption, its column heads and rows of cells (a cell that is a Node is put in as it is). */
/**
 * A table of the page. With `stack`, it reads down on a phone as the pages' tables of long text do
 * (`.stack-table` in global.css): each cell named by its column, and table roles kept explicit,
 * since a table drawn as blocks is no longer a table to every screen reader.
 */
export function table(caption: string, heads: string[], rows: (string | Node)[][], opts: { numeric?: boolean[]; rowHeads?: boolean; id?: string; stack?: boolean } = {}): HTMLElement {
  // A wide table scrolls sideways in a region the keyboard can reach, named by its caption.
  const wrap = el('div', undefined, 'table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', `${caption} (scrolls sideways if wide)`);
  const t = el('table', undefined, opts.stack ? 'stack-table' : undefined);
  if (opts.id) t.id = opts.id;
  const role = (e: HTMLElement, r: string) => { if (opts.stack) e.setAttribute('role', r); return e; };
  role(t, 'table');
  const cap = el('caption', caption, 'visually-hidden');
  const thead = role(el('thead'), 'rowgroup'), tr = role(el('tr'), 'row');
  heads.forEach((h, k) => { const th = role(el('th', h), 'columnheader') as HTMLTableCellElement; th.scope = 'col'; if (opts.numeric?.[k]) th.className = 'num'; tr.append(th); });
  thead.append(tr);
  const tbody = role(el('tbody'), 'rowgroup');
  for (const r of rows) {
    const row = role(el('tr'), 'row');
    r.forEach((c, k) => {
      const head = k === 0 && opts.rowHeads !== false;
      const cell = head ? el('th') : el('td');
      if (head) (cell as HTMLTableCellElement).scope = 'row';
      role(cell, head ? 'rowheader' : 'cell');
      if (opts.stack && !head) cell.dataset.label = heads[k];
      if (opts.numeric?.[k]) cell.className = 'num';
      cell.append(typeof c === 'string' ? document.createTextNode(c) : c);
      row.append(cell);
    });
    tbody.append(row);
  }
  t.append(cap, thead, tbody);
  wrap.append(t);
  return wrap;
}

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
export function table(caption: string, heads: string[], rows: (string | Node)[][], opts: { numeric?: boolean[]; rowHeads?: boolean; id?: string } = {}): HTMLElement {
  // A wide table scrolls sideways in a region the keyboard can reach, named by its caption.
  const wrap = el('div', undefined, 'table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', `${caption} (scrolls sideways if wide)`);
  const t = el('table');
  if (opts.id) t.id = opts.id;
  const cap = el('caption', caption, 'visually-hidden');
  const thead = el('thead'), tr = el('tr');
  heads.forEach((h, k) => { const th = el('th', h); th.scope = 'col'; if (opts.numeric?.[k]) th.className = 'num'; tr.append(th); });
  thead.append(tr);
  const tbody = el('tbody');
  for (const r of rows) {
    const row = el('tr');
    r.forEach((c, k) => {
      const cell = k === 0 && opts.rowHeads !== false ? el('th') : el('td');
      if (cell instanceof HTMLTableCellElement && k === 0 && opts.rowHeads !== false) (cell as HTMLTableCellElement).scope = 'row';
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

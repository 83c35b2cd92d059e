/** The charts and maps the built pages draw, read from their SVG (no browser): what they draw stays inside them and where the figures put it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './browser.ts';

/** Every SVG of the built pages under `dir` (each page's index.html) whose opening tag matches `open`, with its page's name. */
function svgs(dir: string, open: RegExp): [page: string, svg: string][] {
  const out: [string, string][] = [];
  for (const page of readdirSync(join(DIST, dir))) {
    const file = join(DIST, dir, page, 'index.html');
    if (!existsSync(file)) continue;
    for (const [svg] of readFileSync(file, 'utf8').matchAll(new RegExp(`<svg[^>]*${open.source}[^]*?</svg>`, 'g'))) out.push([page, svg]);
  }
  return out;
}

describe('indicator maps', () => {
  it('never paint a region of differing values in one colour (most areas at 0% get a class of their own)', () => {
    const pages = readdirSync(join(DIST, 'indicators')).filter((id) => existsSync(join(DIST, 'data/values', `${id}.json`)));
    let checked = 0;
    for (const id of pages) {
      const v = JSON.parse(readFileSync(join(DIST, 'data/values', `${id}.json`), 'utf8')) as { values: (number | null)[] };
      if (new Set(v.values.filter((x) => x !== null)).size < 2) continue;
      const html = readFileSync(join(DIST, 'indicators', id, 'index.html'), 'utf8');
      const legend = /<div class="legend"[^]*?<\/ul>/.exec(html)?.[0] ?? '';
      const classColours = new Set([...legend.matchAll(/<rect[^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
      const map = /<svg[^>]*class="choropleth"[^]*?<\/svg>/.exec(html)?.[0] ?? '';
      const painted = new Set([...map.matchAll(/<path[^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]).filter((c) => classColours.has(c)));
      expect(painted.size, `${id}: class colours on its map`).toBeGreaterThanOrEqual(2);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('spending charts', () => {
  it('shade the programme\'s years, and draw every line and a lone year\'s stroke, inside the plot, never past its gridlines', () => {
    let charts = 0;
    for (const [n, svg] of svgs('neighbourhoods', /class="spending-chart"/)) {
      const grid = [...svg.matchAll(/<line class="(?:grid|base)" x1="([\d.]+)" x2="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
      const band = /<rect class="programme" x="([\d.-]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg);
      if (!grid.length || !band) continue;
      const left = Math.min(...grid.map((g) => g[0])), right = Math.max(...grid.map((g) => g[1]));
      expect(Number(band[1]), `${n}: the band's left edge`).toBeGreaterThanOrEqual(left);
      expect(Number(band[1]) + Number(band[2]), `${n}: the band's right edge`).toBeLessThanOrEqual(right);
      // Every line and band, a lone year's short stroke and bar too, stays within the gridlines' span.
      for (const [, d] of svg.matchAll(/<path class="(?:own|median|nation|band)" d="([^"]+)"/g)) {
        for (const [, xs] of d.matchAll(/[MLH]([\d.-]+)/g)) {
          expect(Number(xs), `${n}: a line past the plot`).toBeGreaterThanOrEqual(left - 0.05);
          expect(Number(xs), `${n}: a line past the plot`).toBeLessThanOrEqual(right + 0.05);
        }
      }
      charts++;
    }
    expect(charts).toBeGreaterThan(20);
  });
});

describe('GP capacity charts', () => {
  it('draw every figure between two labelled gridlines (patients per practice sat under the lowest, 6,000)', () => {
    let charts = 0;
    for (const [n, svg] of svgs('neighbourhoods', /class="gp-chart"/)) {
      const grid = [...svg.matchAll(/<line class="grid" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"/g)].map((m) => Number(m[1]));
      const dots = [...svg.matchAll(/<circle class="own" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(grid.length, `${n}: gridlines`).toBeGreaterThanOrEqual(2);
      for (const cy of dots) {
        expect(cy, `${n}: a figure below the lowest gridline`).toBeLessThanOrEqual(Math.max(...grid) + 0.5);
        expect(cy, `${n}: a figure above the highest gridline`).toBeGreaterThanOrEqual(Math.min(...grid) - 0.5);
      }
      charts++;
    }
    expect(charts).toBeGreaterThanOrEqual(14);
  });
});

describe('the council spending and GP capacity charts', () => {
  it('draw every point whole, inside the plot\'s gridlines (the first and last years\' dots were cut in half at its edges)', () => {
    let dots = 0;
    for (const [n, svg] of [...svgs('neighbourhoods', /class="spending-chart"/), ...svgs('neighbourhoods', /class="gp-chart"/)]) {
      const grid = [...svg.matchAll(/<line class="(?:grid|base)" x1="([\d.]+)" x2="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
      if (!grid.length) continue;
      const left = Math.min(...grid.map((g) => g[0])), right = Math.max(...grid.map((g) => g[1]));
      for (const [, cx, r] of svg.matchAll(/<circle class="own" cx="([\d.-]+)" cy="[\d.-]+" r="([\d.]+)"/g)) {
        expect(Number(cx) - Number(r), `${n}: a dot cut at the plot's left edge`).toBeGreaterThanOrEqual(left);
        expect(Number(cx) + Number(r), `${n}: a dot cut at the plot's right edge`).toBeLessThanOrEqual(right);
        dots++;
      }
    }
    expect(dots).toBeGreaterThan(200);
  });
});

describe('then-and-now slope charts', () => {
  it('draw each point at its own decile: alone on its gridline, or spread less than a third of a decile about it (decile 4 was drawn at 3.7)', () => {
    let points = 0, alone = 0;
    for (const [n, svg] of svgs('neighbourhoods', /class="slope-chart"/)) {
      // Gridlines are the deciles 1 to 10, top to bottom.
      const grid = [...svg.matchAll(/<line class="grid" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(grid).toHaveLength(10);
      const perDecile = grid[1] - grid[0];
      const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ x: m[1], y: Number(m[2]) }));
      const nearest = (yy: number) => grid.reduce((b, g, i) => (Math.abs(g - yy) < Math.abs(grid[b] - yy) ? i : b), 0);
      const groups = new Map<string, number[]>();
      for (const d of dots) {
        const k = `${d.x}:${nearest(d.y)}`;
        groups.set(k, [...(groups.get(k) ?? []), d.y]);
        expect(Math.abs(d.y - grid[nearest(d.y)]) / perDecile, `${n}: a point's distance from its decile`).toBeLessThanOrEqual(0.34);
        points++;
      }
      for (const [k, ys] of groups) if (ys.length === 1) { expect(Math.abs(ys[0] - grid[Number(k.split(':')[1])]), `${n}: a point alone at its decile`).toBeLessThan(0.15); alone++; }
    }
    expect(points).toBeGreaterThan(50);
    expect(alone).toBeGreaterThan(5);
  });
});

describe('then-and-now slope charts, top', () => {
  it('start decile 1 just under the axis title, every point and end label below the title (44 px stood empty where a band\'s label was)', () => {
    let charts = 0;
    for (const [n, svg] of svgs('neighbourhoods', /class="slope-chart"/)) {
      const title = Number(/<text class="axis" x="0" y="([\d.]+)">Decile/.exec(svg)![1]);
      const top = Number(/<line class="grid" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"/.exec(svg)![1]);
      expect(top - title, `${n}: space between the axis title and decile 1`).toBeLessThanOrEqual(20);
      // The title's letters reach 4 px below its baseline; a point is a circle of radius 3, an end label 12 px type on its baseline.
      for (const m of svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)" r="([\d.]+)"/g)) expect(Number(m[1]) - Number(m[2]), `${n}: a point under the title`).toBeGreaterThanOrEqual(title + 4);
      // Every end label is read, with its leader or without (a leader is written <path …></path>).
      const labels = [...svg.matchAll(/<g class="end-label">(?:<path[^>]*>(?:<\/path>)?)?<text x="[\d.]+" y="([\d.]+)"/g)];
      expect(labels.length, `${n}: end labels read`).toBe(svg.split('<g class="end-label">').length - 1);
      for (const m of labels) expect(Number(m[1]) - 9, `${n}: an end label under the title`).toBeGreaterThanOrEqual(title + 4);
      charts++;
    }
    expect(charts).toBeGreaterThan(3);
  });
});

describe('histograms', () => {
  it('draw every mark\'s line before any mark\'s label, so no line crosses a label (the North West\'s line ran through "England 23.5%")', () => {
    let checked = 0;
    for (const [id, svg] of svgs('indicators', /class="(?:wide|narrow)"/)) {
      const firstLabel = svg.search(/<text[^>]*class="mark-label"/);
      const lastLine = svg.lastIndexOf('class="mark-line"');
      if (firstLabel < 0) continue; // no marks (a decile's histogram)
      expect(lastLine, `${id}: a mark line after a label`).toBeLessThan(firstLabel);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

/** Checks on the source and the built site that need no browser. */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT } from './browser.ts';
import { BUILD_ONLY } from '../src/lib/build-only.ts';
import { merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

function walk(dir: string, keep: (p: string) => boolean, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) { if (n !== 'node_modules') walk(p, keep, out); } else if (keep(p)) out.push(p);
  }
  return out;
}

/** The column names of each table head in a page's HTML, tags taken out. */
const headRows = (html: string) => [...html.matchAll(/<thead[^>]*>\s*<tr[^>]*>([^]*?)<\/tr>/g)]
  .map(([, row]) => [...row.matchAll(/<th[^>]*>([^]*?)<\/th>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim()));

describe('no data-derived string reaches HTML parsing', () => {
  it('the source never uses innerHTML, outerHTML, insertAdjacentHTML, setHTML, document.write or set:html', () => {
    const files = [...walk(join(ROOT, 'src'), (p) => /\.(ts|astro)$/.test(p)), ...walk(join(ROOT, 'scripts'), (p) => p.endsWith('.ts'))];
    expect(files.length).toBeGreaterThan(20);
    const hits = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').map((l, i) => [f, i + 1, l] as const).filter(([, , l]) => /\b(innerHTML|outerHTML|insertAdjacentHTML|setHTML|document\.write)\b|set:html/.test(l)).map(([f, i]) => `${relative(ROOT, f)}:${i}`));
    expect(hits).toEqual([]);
  });
});

describe('the built site', () => {
  it('holds every output of the pipeline byte for byte but those marked for the build only, and nothing it serves names those', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'data/manifest.json'), 'utf8')) as { outputs: { path: string; bytes: number; site?: false }[] };
    const left = manifest.outputs.filter((o) => o.site === false).map((o) => o.path).sort();
    expect(left).toEqual([...BUILD_ONLY].sort());
    for (const p of left) {
      expect(existsSync(join(ROOT, 'public/data', p)), `public/data/${p}`).toBe(true);
      expect(existsSync(join(DIST, 'data', p)), `dist/data/${p}`).toBe(false);
    }
    const sizeOf = (p: string) => (existsSync(p) ? statSync(p).size : -1);
    expect(manifest.outputs.filter((o) => o.site !== false && o.path !== 'manifest.json' && sizeOf(join(DIST, 'data', o.path)) !== o.bytes).map((o) => o.path)).toEqual([]);
    const named = walk(DIST, (p) => /\.(html|js|json)$/.test(p) && !/data\/(manifest|build-report)\.json$/.test(p))
      .filter((f) => { const t = readFileSync(f, 'utf8'); return left.some((p) => t.includes(`data/${p}`) || t.includes(`'${p}'`) || t.includes(`"${p}"`)); });
    expect(named.map((f) => relative(DIST, f))).toEqual([]);
  });

  it('serves MapLibre\'s stylesheet without the logo it never shows, and with the map\'s own rules', () => {
    const css = walk(join(DIST, '_astro'), (p) => p.endsWith('.css')).map((f) => readFileSync(f, 'utf8')).filter((c) => c.includes('.maplibregl-canvas-container'));
    expect(css).toHaveLength(1);
    expect(css[0]).not.toContain('maplibregl-ctrl-logo');
    for (const rule of ['.maplibregl-canvas', '.maplibregl-popup', '.maplibregl-ctrl-attrib', '.maplibregl-ctrl-zoom-in']) expect(css[0], rule).toContain(rule);
  });
  it('has no broken internal links or anchors', () => {
    const pages = walk(DIST, (p) => p.endsWith('.html'));
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let s = ids.get(file);
      if (!s) { s = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])); ids.set(file, s); }
      return s;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const url = m[1].replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|data:|blob:)/.test(url) || url.startsWith('//')) continue;
        checked++;
        const [pathAndQuery, hash] = url.split('#');
        const path = pathAndQuery.split('?')[0];
        let target = page;
        if (path) {
          const abs = path.startsWith('/') ? join(DIST, path) : join(dirname(page), path);
          target = path.endsWith('/') ? join(abs, 'index.html') : abs;
          if (!existsSync(target)) { broken.push(`${relative(DIST, page)} -> ${url}`); continue; }
        }
        if (hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(hash))) broken.push(`${relative(DIST, page)} -> ${url} (no such anchor)`);
      }
    }
    expect(checked).toBeGreaterThan(5000);
    expect(broken.slice(0, 20)).toEqual([]);
  }, 120_000);
});

describe('what may be said about causes', () => {
  it('a page that quotes an estimate against comparison areas never says that no figure on it shows what the programme changed', () => {
    // The home page quotes the household survey's published difference-in-differences estimate; it said "no figure here shows what the programme did or did not change" above it.
    const pages = walk(DIST, (p) => p.endsWith('.html')).filter((f) => readFileSync(f, 'utf8').includes('rise in comparison areas'));
    expect(pages.length).toBeGreaterThan(0);
    for (const f of pages) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/no figure here shows what the programme/);
      expect(text, f).toContain('none of its own figures measures what the programme did');
    }
    const home = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(home).toContain('href="#local"');
    expect(home).toMatch(/id="local"/);
  });
});

describe('indicator pages list only the kinds of area their map shows', () => {
  it('"No data" and "Suppressed" are in the legend exactly when the values file has such areas', () => {
    const pages = readdirSync(join(DIST, 'indicators')).filter((id) => existsSync(join(DIST, 'data/values', `${id}.json`)));
    expect(pages.length).toBeGreaterThan(50);
    const seen = { missing: 0, none: 0 };
    for (const id of pages) {
      const v = JSON.parse(readFileSync(join(DIST, 'data/values', `${id}.json`), 'utf8')) as { missing: number[]; suppressed: number[] };
      const legend = /<div class="legend"[^]*?<\/ul>/.exec(readFileSync(join(DIST, 'indicators', id, 'index.html'), 'utf8'))?.[0] ?? '';
      expect(legend, id).toContain('legend-title');
      expect(legend.includes('No data'), `${id}: "No data" in the legend`).toBe(v.missing.length > 0);
      expect(legend.includes('Suppressed'), `${id}: "Suppressed" in the legend`).toBe(v.suppressed.length > 0);
      seen[v.missing.length > 0 ? 'missing' : 'none']++;
    }
    // Both kinds of page exist in the North West's build, so both branches are checked.
    expect(seen.missing).toBeGreaterThan(0);
    expect(seen.none).toBeGreaterThan(0);
  });
});

describe('tables', () => {
  it('never name two columns alike (an indicator\'s neighbourhood table had "Neighbourhood" over its first and third columns)', () => {
    const pages = walk(DIST, (p) => p.endsWith('index.html') && !/[\\/](embed|search)[\\/]/.test(p));
    let tables = 0;
    const twice: string[] = [];
    for (const file of pages) {
      for (const all of headRows(readFileSync(file, 'utf8'))) {
        const names = all.filter(Boolean);
        const seen = names.filter((n, i) => names.indexOf(n) !== i);
        if (seen.length) twice.push(`${relative(DIST, file)}: ${seen.join(', ')}`);
        tables++;
      }
    }
    expect(tables).toBeGreaterThan(100);
    expect(twice).toEqual([]);
  });
});

describe('the neighbourhoods table of an indicator page', () => {
  it('says what its council column holds: a share of areas on a decile page, a figure elsewhere (both had read "Its council\'s")', () => {
    const head = (id: string) => headRows(readFileSync(join(DIST, 'indicators', id, 'index.html'), 'utf8')).find((names) => names[0] === 'Neighbourhood');
    expect(head('iod25-imd-decile')).toEqual(['Neighbourhood', 'Small areas', 'In England\'s most deprived 10%', 'Its council\'s share']);
    expect(head('census21-no-car')).toEqual(['Neighbourhood', 'Small areas', 'Its figure', 'Its council\'s figure']);
  });
  it('names each neighbourhood\'s council in its row, and its caption promises only what the table holds (it had promised the region and England)', () => {
    const nbs = JSON.parse(readFileSync(join(DIST, 'data', 'neighbourhoods.json'), 'utf8')).neighbourhoods as { slug: string; lad: Record<string, { name: string }> }[];
    for (const id of ['iod25-imd-decile', 'census21-no-car', 'iod19-imd-decile']) {
      const html = readFileSync(join(DIST, 'indicators', id, 'index.html'), 'utf8').replace(/&#39;/g, "'");
      const table = /<table class="nb-table">\s*<caption class="visually-hidden">[^<]*: each neighbourhood beside its council<\/caption>[^]*?<\/table>/.exec(html)?.[0] ?? '';
      const vintage = id.startsWith('iod19') ? '2011' : '2021';
      for (const n of nbs) {
        const row = new RegExp(`<tr><th scope="row"><a href="[^"]*neighbourhoods/${n.slug}/">[^]*?</tr>`).exec(table)?.[0] ?? '';
        expect(row, `${id} ${n.slug}`).toContain(`<span class="block small muted">${n.lad[vintage].name}</span></td>`);
      }
    }
  });
});

describe('the methods page', () => {
  it('links every indicator by name or form (a family listed its second measure, "Seats filled without a vote", only as "(rate, percent)")', () => {
    const html = readFileSync(join(DIST, 'methods', 'index.html'), 'utf8');
    const cat = JSON.parse(readFileSync(join(DIST, 'data/catalogue.json'), 'utf8')) as { indicators: { id: string; local?: boolean }[] };
    const unlinked = cat.indicators.filter((i) => !html.includes(`href="/indicators/${i.id}/"`)).map((i) => i.id);
    expect(cat.indicators.length).toBeGreaterThan(50);
    expect(unlinked).toEqual([]);
    expect(html).not.toMatch(/\((\w+), \1\)/); // "(change, change)"
  });
});

describe('the councils page', () => {
  it('says "county service" in England\'s median district row where every district does (it showed £0.00)', () => {
    const html = readFileSync(join(DIST, 'councils', 'index.html'), 'utf8');
    const cells = (tr: string) => [...tr.matchAll(/<t[dh][^>]*>([^]*?)<\/t[dh]>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim());
    let checked = 0;
    for (const [group] of html.matchAll(/<tbody>[^]*?<\/tbody>/g)) {
      const median = /<tr class="group england-median">([^]*?)<\/tr>/.exec(group);
      if (!median) continue;
      const councils = [...group.matchAll(/<tr(?! class="group)[^>]*>([^]*?)<\/tr>/g)].map((m) => cells(m[1]));
      const row = cells(median[1]);
      for (let j = 1; j < row.length; j++) {
        if (councils.length && councils.every((c) => / service$/.test(c[j] ?? ''))) { expect(row[j], `column ${j}`).toBe(councils[0][j]); checked++; }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('the citation', () => {
  it('on the methods page credits the share-alike election archive, and every licence the sources carry', () => {
    const html = readFileSync(join(DIST, 'methods', 'index.html'), 'utf8');
    const cite = /<p class="citation">([^<]*)/.exec(html)?.[1] ?? '';
    expect(cite).toContain('Andrew Teale, Local Elections Archive Project (CC BY-SA 3.0)');
    const cat = JSON.parse(readFileSync(join(DIST, 'data/catalogue.json'), 'utf8')) as { sources: { licence: { id: string } }[] };
    const licences = new Set(cat.sources.map((x) => x.licence.id));
    expect(licences.size).toBeGreaterThan(3);
    for (const [id, words] of [['OGL-UK-3.0', 'Open Government Licence v3.0'], ['OPL-3.0', 'Open Parliament Licence'], ['ODbL-1.0', 'Open Database Licence'], ['public-domain', 'public domain']]) {
      if (licences.has(id)) expect(cite, id).toContain(words);
    }
  });
});

describe('the survey\'s difference against comparison areas', () => {
  it('carries whose estimate it is in its own card, on the home page and every neighbourhood page', () => {
    const pages = ['index.html', ...readdirSync(join(DIST, 'neighbourhoods')).filter((n) => existsSync(join(DIST, 'neighbourhoods', n, 'index.html'))).map((n) => `neighbourhoods/${n}/index.html`)];
    let cards = 0;
    for (const p of pages) {
      for (const m of readFileSync(join(DIST, p), 'utf8').matchAll(/<li class="local-item" data-local-indicator="hhs-influence-decisions-change"[^]*?<\/li>/g)) {
        cards++;
        expect(m[0], p).toMatch(/percentage points[^]*The survey team’s published estimate[^]*<details/);
      }
    }
    expect(cards).toBeGreaterThan(0);
  });
});

describe('a figure the programme published only as a bound', () => {
  it('reads as published, "More than 40", on its neighbourhood’s page (it had said a bare "40")', () => {
    const local = JSON.parse(readFileSync(join(DIST, 'data', 'local.json'), 'utf8')) as { values: Record<string, { values: { area: string; value: number; bound?: string }[] }> };
    const bounded = Object.entries(local.values).flatMap(([id, v]) => v.values.filter((x) => x.bound).map((x) => ({ id, ...x })));
    expect(bounded.map((b) => `${b.area} ${b.bound} ${b.value}`).sort()).toEqual(['central-southport more than 40', 'stockbridge-village more than 140']);
    for (const b of bounded) {
      const said = `More than ${b.value.toLocaleString('en-GB')}`;
      const page = readFileSync(join(DIST, 'neighbourhoods', b.area, 'index.html'), 'utf8');
      const card = page.match(new RegExp(`<li class="local-item" data-local-indicator="${b.id}"[^]*?</li>`))?.[0] ?? '';
      expect(card, b.area).toContain(`<p class="local-value value">${said}</p>`);
    }
  });
});

describe('a local figure the programme did not publish', () => {
  it('says why once: the row\'s own note in place of the figure (cards had said "No figure published." then "No published figure found.")', () => {
    const local = JSON.parse(readFileSync(join(DIST, 'data', 'local.json'), 'utf8')) as { values: Record<string, { values: { area: string; status: string; note: string }[] }> };
    const missing = Object.entries(local.values).flatMap(([id, v]) => v.values.filter((x) => x.status === 'missing' && x.note && existsSync(join(DIST, 'neighbourhoods', x.area, 'index.html'))).map((x) => ({ id, ...x })));
    expect(missing.length).toBeGreaterThan(3);
    for (const m of missing) {
      const page = readFileSync(join(DIST, 'neighbourhoods', m.area, 'index.html'), 'utf8');
      const card = page.match(new RegExp(`<li class="local-item" data-local-indicator="${m.id}"[^]*?</li>`))?.[0] ?? '';
      expect(card, `${m.area} ${m.id}`).toContain(`<p class="local-value missing">${m.note}</p>`);
      expect(card.split(m.note).length - 1, `${m.area} ${m.id}`).toBe(1);
      expect(card, `${m.area} ${m.id}`).not.toContain('No figure published.');
    }
  });
});

describe('council spending in words and charts', () => {
  const pages = () => readdirSync(join(DIST, 'neighbourhoods')).filter((n) => existsSync(join(DIST, 'neighbourhoods', n, 'index.html'))).map((n) => [n, readFileSync(join(DIST, 'neighbourhoods', n, 'index.html'), 'utf8').replace(/&#39;/g, "'")] as const);
  it('never calls a change of under half a per cent a rise or a fall ("fell from £715 to £713 (0%)")', () => {
    for (const [n, html] of pages()) expect(html, n).not.toMatch(/(?:fell|rose) from £[\d,.]+ in [\d-]+ to £[\d,.]+ in [\d-]+ per resident \(0%/);
  });
  it('gives no middle half of the North West\'s 2 county councils: names both, and draws no band or median for them', () => {
    const [, moss] = pages().find(([n]) => n === 'moss-bay-salterbeck')!;
    expect(moss).not.toMatch(/middle half of the North West's (?:2 )?county councils/);
    expect(moss).toMatch(/the North West's 2 county councils spent £[\d,]+ \((?:Lancashire|Cumbria)\) and £[\d,]+ \((?:Lancashire|Cumbria)\) per resident/);
    // Cumbria's charts (its block comes after Allerdale's) have no band of the region's middle half and no median line.
    const cumbria = moss.slice(moss.indexOf('id="spending-E10000006"'));
    const charts = [...cumbria.matchAll(/<svg[^>]*class="spending-chart"[^]*?<\/svg>/g)].map((m) => m[0]);
    expect(charts.length).toBeGreaterThan(3);
    for (const c of charts) expect(c).not.toMatch(/class="(?:band|median)"/);
  });
});

describe('a neighbourhood\'s outline', () => {
  it('is said not to be one piece exactly where its small areas, merged, are not (Central Southport\'s note had not said so)', () => {
    const topo = JSON.parse(readFileSync(join(DIST, 'data/geo/lsoa-2021.topo.json'), 'utf8')) as Topology;
    const nbs = JSON.parse(readFileSync(join(DIST, 'data/neighbourhoods.json'), 'utf8')).neighbourhoods as { slug: string; fitNotes?: string; lsoas2021: { code: string }[] }[];
    const areas = (topo.objects.lsoa as GeometryCollection).geometries;
    const pieces = nbs.map((n) => {
      const codes = new Set(n.lsoas2021.map((m) => m.code));
      return [n, merge(topo, areas.filter((g) => codes.has(String(g.id))) as never).coordinates.length] as const;
    });
    expect(pieces.some(([, k]) => k > 1)).toBe(true);
    for (const [n, k] of pieces) expect(/not one piece/.test(n.fitNotes ?? ''), `${n.slug}: ${k} pieces`).toBe(k > 1);
  });
});

describe('the search page without JavaScript', () => {
  it('names each kind of place in its plural, counts it from the search index, and folds the long lists so the page ends near its search box', () => {
    const html = readFileSync(join(DIST, 'search/index.html'), 'utf8');
    const index = JSON.parse(readFileSync(join(DIST, 'data/search/places.json'), 'utf8')) as { places: unknown[][] };
    const n = (k: string) => index.places.filter((p) => p[1] === k).length.toLocaleString('en-GB');
    expect(html).toContain(`>Local authorities (${n('L')})</h2>`);
    expect(html).toContain(`>Parishes (${n('P')})</h2>`);
    expect(html).not.toMatch(/authoritys|Parishs/);
    // A place named as its council is not named twice ("Carlisle Carlisle").
    expect(html).not.toMatch(/>([^<>]+)<\/a><span class="muted small"> \1<\/span>/);
    // Every link to a place or postcode district not inside a closed <details> is one of the few shown open (at most 40 per kind).
    const open = html.replace(/<details[^>]*>[\s\S]*?<\/details>/g, '');
    const places = (open.match(/<ul class="place-list">[\s\S]*?<\/ul>/g) ?? []).map((u) => (u.match(/<li>/g) ?? []).length);
    expect(places.every((k) => k <= 40)).toBe(true);
    expect((open.match(/search\/postcodes\//g) ?? []).length).toBe(0);
    expect((html.match(/search\/postcodes\//g) ?? []).length).toBeGreaterThan(100);
  });
});

describe('an indicator page\'s opening sentence', () => {
  it('says the measure once, with the region\'s figure, then England\'s figure alone (it had said the whole sentence twice)', () => {
    const lede = (id: string) => /<p class="lede">(.*?)<\/p>/s.exec(readFileSync(join(DIST, `indicators/${id}/index.html`), 'utf8'))![1].replace(/<[^>]+>/g, '');
    expect(lede('census21-no-car')).toMatch(/^In the North West, about \d+ in \d+ households have no car or van \([\d.]+%\); in England, [\d.]+%\.$/);
    expect(lede('iod25-burglary-rate')).toMatch(/^In the North West, [\d.]+ recorded burglaries per 1,000 homes and other properties; in England, [\d.]+\.$/);
  });
});

describe('a neighbourhood page\'s subtitle', () => {
  it('writes negative figures with a true minus sign, which screen readers say, never a hyphen (12,346 places did)', () => {
    const pages = walk(DIST, (p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const hyphens: string[] = [];
    let minus = 0;
    for (const f of pages) {
      // The text a reader sees: scripts, styles, code and the embed code box left out, tags kept as breaks.
      const text = readFileSync(f, 'utf8').replace(/<(script|style|code|textarea)\b[\s\S]*?<\/\1>/g, '').replace(/<[^>]*>/g, '|');
      for (const m of text.matchAll(/(?<![\w\-–])-\d/g)) hyphens.push(`${relative(DIST, f)}: …${text.slice(Math.max(0, m.index - 30), m.index + 10)}…`);
      minus += text.split('\u2212').length - 1;
    }
    expect(hyphens.slice(0, 10)).toEqual([]);
    expect(minus).toBeGreaterThan(100);
  });

  it('separates items with words, commas or a list, never a "·" that a narrow screen leaves alone at a line\'s end (it dangled before the "approximate outline" badge, in the spine key, its notes and the explorer\'s downloads)', () => {
    const pages = walk(DIST, (p) => p.endsWith('.html'));
    const found: string[] = [];
    for (const f of pages) {
      // The text a reader sees; a run that cannot wrap (a nowrap span) keeps its separators on one line.
      const text = readFileSync(f, 'utf8').replace(/<(script|style|code|textarea|title)\b[\s\S]*?<\/\1>/g, '').replace(/<span[^>]*class="[^"]*\bnowrap\b[^"]*"[^>]*>[^<]*<\/span>/g, '').replace(/<[^>]*>/g, ' ');
      const i = text.indexOf('·');
      if (i >= 0) found.push(`${relative(DIST, f)}: …${text.slice(Math.max(0, i - 40), i + 30)}…`);
    }
    expect(found.slice(0, 8)).toEqual([]);
  });

  it('on indicator pages, credits the licence once (it had said "Open Government Licence v3.0. Contains … under the Open Government Licence v3.0.") and keeps file and column names out of the source line', () => {
    const pages = walk(join(DIST, 'indicators'), (p) => p.endsWith('index.html') && !p.endsWith(join('indicators', 'index.html')));
    expect(pages.length).toBeGreaterThan(80);
    const dd = (html: string, dt: string) => html.match(new RegExp(`<dt>${dt}</dt>\\s*<dd[^>]*>([\\s\\S]*?)</dd>`))?.[1] ?? null;
    let credited = 0;
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      const page = relative(DIST, f);
      const licence = dd(html, 'Licence');
      if (licence) {
        credited++;
        const text = licence.replace(/<[^>]*>/g, '');
        for (const name of ['Open Government Licence', 'Open Parliament Licence', 'Attribution-ShareAlike 3.0 Unported']) expect(text.split(name).length - 1, `${page}: ${text}`).toBeLessThanOrEqual(1);
        expect(licence, page).toMatch(/<a href="https?:[^"]+">[^<]*Licence[^<]*<\/a>|<a href="https?:[^"]+">Creative Commons/);
      }
      const source = dd(html, 'Source');
      expect(source, page).not.toBeNull();
      expect(source, page).not.toMatch(/<code>|\.csv/);
      if (!html.includes('badge local')) expect(dd(html, 'Read from'), page).toMatch(/<code>[^<]+<\/code>[\s\S]*the file <code>[^<]+\.csv(\.gz)?<\/code>/);
    }
    expect(credited).toBeGreaterThan(80);
  });

  it('speaks to readers, not to the people who build the atlas, on neighbourhood, indicator and council pages (notes had said "the build report counts these", "the stored extract", "non-overlapping columns", "the only copy stored")', () => {
    const pages = [...walk(join(DIST, 'neighbourhoods'), (p) => p.endsWith('.html')), ...walk(join(DIST, 'indicators'), (p) => p.endsWith('.html')), join(DIST, 'councils/index.html')];
    expect(pages.length).toBeGreaterThan(90);
    const found: string[] = [];
    for (const f of pages) {
      const text = readFileSync(f, 'utf8').replace(/<(script|style|code|textarea)\b[\s\S]*?<\/\1>/g, '').replace(/<[^>]*>/g, ' ');
      for (const words of [/build[ -]report/i, /stored (extract|lookup|file)/i, /\b(copy|copies|files?|workbooks?|accounts) stored\b/i, /non-overlapping columns/i, /\bthe pipeline\b/i, /household spaces/i]) {
        const m = words.exec(text);
        if (m) found.push(`${relative(DIST, f)}: …${text.slice(Math.max(0, m.index - 40), m.index + 30)}…`);
      }
    }
    expect(found).toEqual([]);
  });

  it('calls each council what the rest of the atlas calls it: "Blackpool", "St. Helens", never the spending returns\' "Blackpool UA" or "St Helens"', () => {
    const pages = [join(DIST, 'councils/index.html'), ...walk(join(DIST, 'neighbourhoods'), (p) => p.endsWith('index.html'))];
    for (const f of pages) {
      // The maps' own labels left out: they are places and streets ("St Helens Road"), not councils.
      const text = readFileSync(f, 'utf8').replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/g, '').replace(/<[^>]*>/g, ' ');
      expect(text.match(/.{30}\bUA\b.{10}/g), relative(DIST, f)).toBeNull();
      expect(text.match(/.{20}\bSt Helens\b.{10}/g), relative(DIST, f)).toBeNull();
    }
    expect(readFileSync(join(DIST, 'councils/index.html'), 'utf8')).toContain('>St. Helens<');
  });

  it('never says spending rose or fell between two figures that read the same ("Fell from £24 in 2010-11 to £24"), nor gives a district\'s £0 of education a sentence', () => {
    const pages = [join(DIST, 'councils/index.html'), ...walk(join(DIST, 'neighbourhoods'), (p) => p.endsWith('index.html'))];
    let changes = 0;
    for (const f of pages) {
      const text = readFileSync(f, 'utf8').replace(/<[^>]*>/g, ' ').replace(/&#39;/g, "'");
      for (const m of text.matchAll(/(fell|rose|stayed) from (£[\d,.]+) in \S+ to (£[\d,.]+) in/gi)) {
        changes++;
        expect(m[2], `${relative(DIST, f)}: ${m[0]}`).not.toBe(m[3]);
        expect(m[1].toLowerCase(), `${relative(DIST, f)}: ${m[0]}`).not.toBe('stayed');
      }
      expect(text, relative(DIST, f)).not.toMatch(/Allerdale's (stayed|was £0)/);
    }
    expect(changes).toBeGreaterThan(50);
  });

  it('counts each domain\'s everyday-unit measures on the methods page as the neighbourhood pages list them (methods said "community governance 3" beside pages listing four)', () => {
    const methods = readFileSync(join(DIST, 'methods/index.html'), 'utf8').replace(/<[^>]*>/g, '');
    const page = readFileSync(join(DIST, 'neighbourhoods/claremont/index.html'), 'utf8');
    for (const [id, name] of [['community-governance', 'community governance'], ['living-environment', 'living environment']]) {
      const said = Number(new RegExp(`(\\d+) for ${name}`).exec(methods)![1]);
      const section = page.slice(page.indexOf(`id="d-${id}"`), page.indexOf('<table', page.indexOf(`id="d-${id}"`)));
      expect(said, name).toBe(section.split('<li data-indicator=').length - 1);
    }
  });

  it('gives the compare page\'s average decile changes to the one decimal they are published with ("−0.10 more deprived" beside "0 little change")', () => {
    const html = readFileSync(join(DIST, 'compare/index.html'), 'utf8');
    const cells = [...html.matchAll(/<td class="num">([^<]*)<span class="pos">(less deprived|more deprived|little change)/g)].map((m) => m[1]);
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.filter((c) => !/^(0|[+\u2212]\d+\.\d)$/.test(c))).toEqual([]);
  });

  it('says the ward note of the community governance measures once on each neighbourhood page, not in each of their four bullets', () => {
    const pages = walk(join(DIST, 'neighbourhoods'), (p) => p.endsWith('index.html') && !p.endsWith(join('neighbourhoods', 'index.html')));
    expect(pages.length).toBe(7);
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      const section = html.slice(html.indexOf('id="d-community-governance"'), html.indexOf('<table', html.indexOf('id="d-community-governance"')));
      expect(section.split('takes the figure of the ward it lies in').length - 1, relative(DIST, f)).toBe(1);
      expect(section, relative(DIST, f)).toMatch(/<p class="muted small shared-note">For all four measures above, each small area takes the figure of the ward it lies in/);
    }
  });

  it('names its council once where the programme\'s partner is that council ("Liverpool · programme partner: Liverpool" said it twice)', () => {
    const nbs = JSON.parse(readFileSync(join(DIST, 'data/neighbourhoods.json'), 'utf8')).neighbourhoods as { slug: string; council: string; lad: { '2021': { name: string } } }[];
    for (const n of nbs) {
      const sub = /<h1>[^<]*<\/h1>\s*<p class="muted">(.*?)<span class="badge">/s.exec(readFileSync(join(DIST, `neighbourhoods/${n.slug}/index.html`), 'utf8'))![1].replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      const lad = n.lad['2021'].name;
      expect(sub.split(lad).length - 1, n.slug).toBe(n.council === lad ? 1 : n.council.includes(lad) ? 2 : 1);
      // Two councils are "partners": Moss Bay's county and district, and Worsley's.
      const two = ['moss-bay-salterbeck', 'worsley-haslingden'].includes(n.slug);
      expect(sub, n.slug).toContain(n.council === lad ? "the programme's partner council" : `programme ${two ? 'partners' : 'partner'}: ${n.council}`);
    }
  });
});

import type { Config } from '../schema.ts';
import type { AreaFrame, Vintage } from './areas.ts';
import type { WardRow } from './coarser.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';
import type { WardListFile } from '../../src/lib/governance.ts';

/**
 * The wards behind each neighbourhood's ward measures (governance.json): for every table of
 * wards ("coarser" in tables.json), the wards its small areas lie in, with the columns the table
 * shows, so the page can name each ward and its year. A ward with no row is listed without cells.
 */
export function wardLists(cfg: Config, wards: Map<string, Map<string, WardRow>>, frames: Record<Vintage, AreaFrame>, resolved: ResolvedNeighbourhood[]): WardListFile {
  const out: WardListFile = { tables: {}, neighbourhoods: {} };
  for (const t of cfg.tables.tables) {
    const rows = wards.get(t.id);
    if (!rows || !t.coarser) continue;
    const source = cfg.sources.sources.find((s) => s.id === t.source)!;
    out.tables[t.id] = { vintage: t.vintage, source: source.id, licence: source.licence.id, attribution: source.attribution, noPoll: t.coarser.noPoll?.reason ?? null };
    const frame = frames[t.vintage];
    for (const n of resolved) {
      const members = (t.vintage === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => frame.index.get(m.code)).filter((i): i is number => i !== undefined);
      const count = new Map<string, number>();
      for (const i of members) count.set(frame.ward[i], (count.get(frame.ward[i]) ?? 0) + 1);
      const list = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, lsoas]) => {
        const i = members.find((m) => frame.ward[m] === code)!;
        return { code, name: frame.wardName[i], lsoas, cells: rows.get(code)?.cells ?? null };
      });
      (out.neighbourhoods[n.config.slug] ??= {})[t.id] = list;
    }
  }
  return out;
}

import type { Problem } from '../errors.ts';
import type { MemberLsoa, NeighbourhoodConfig } from '../schema.ts';
import { CONFIG_FILES } from '../schema.ts';
import type { AreaFrame } from './areas.ts';
import { changesBySide, crossVintage, selfMembers, type VintageLookup } from '../../src/lib/vintages.ts';

export type { VintageLookup };
export { crossVintage };

export interface ResolvedNeighbourhood {
  config: NeighbourhoodConfig;
  lsoas2011: MemberLsoa[];
  lsoas2021: MemberLsoa[];
  /** Local authority per vintage: code and name, from the area lookup of that vintage. */
  lad: { 2011: { code: string; name: string }; 2021: { code: string; name: string } };
}

function majority(frame: AreaFrame, codes: string[]): { code: string; name: string } {
  const count = new Map<string, number>();
  for (const c of codes) {
    const i = frame.index.get(c);
    if (i !== undefined) count.set(frame.lad[i], (count.get(frame.lad[i]) ?? 0) + 1);
  }
  const [code] = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en-GB'))[0] ?? [''];
  const i = frame.lad.indexOf(code);
  return { code, name: i >= 0 ? frame.ladName[i] : '' };
}

/**
 * Resolves each neighbourhood's LSOAs from its derivation (2019 wards, or an explicit LSOA
 * list) for both vintages, and checks the lists written in neighbourhoods.json against them.
 */
export function resolveNeighbourhoods(
  list: NeighbourhoodConfig[],
  frames: { 2011: AreaFrame; 2021: AreaFrame },
  lookup: VintageLookup,
): { resolved: ResolvedNeighbourhood[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const file = CONFIG_FILES.neighbourhoods;
  const resolved: ResolvedNeighbourhood[] = [];
  const changes = { from: changesBySide(lookup, 'from'), to: changesBySide(lookup, 'to') };
  list.forEach((n, k) => {
    let l11: MemberLsoa[];
    let l21: MemberLsoa[];
    const d = n.derivation;
    if (d.method === 'wards') {
      const codes: string[] = [];
      for (const w of d.wards) {
        const inWard = frames[2011].codes.filter((_, i) => frames[2011].ward[i] === w.code);
        if (inWard.length === 0) problems.push({ code: 'UNKNOWN_WARD', file, column: `neighbourhoods.${k}.derivation.wards`, value: w.code, message: `${n.name}: no LSOA (2011) lies in ward ${w.code} of the 2019 lookup`, fix: 'Use a ward code of December 2019 (E05…) that appears in the LSOA 2011 to ward 2019 lookup.' });
        codes.push(...inWard);
      }
      l11 = selfMembers(codes, changes.from, lookup);
      l21 = crossVintage(new Set(codes), lookup, 'forward');
    } else {
      const frame = frames[d.lsoaVintage];
      const unknown = d.lsoas.filter((c) => !frame.index.has(c));
      for (const c of unknown) problems.push({ code: 'UNKNOWN_LSOA', file, column: `neighbourhoods.${k}.derivation.lsoas`, value: c, message: `${n.name}: ${c} is not an LSOA of ${d.lsoaVintage} in England`, fix: `List LSOA codes of the ${d.lsoaVintage} vintage, as in the boundary file.` });
      const dup = d.lsoas.filter((c, i) => d.lsoas.indexOf(c) !== i);
      for (const c of dup) problems.push({ code: 'DUPLICATE_CODE', file, column: `neighbourhoods.${k}.derivation.lsoas`, value: c, message: `${n.name}: ${c} is listed twice`, fix: 'List each LSOA once.' });
      if (d.lsoaVintage === 2021) {
        l21 = selfMembers(d.lsoas, changes.to, lookup);
        l11 = crossVintage(new Set(d.lsoas), lookup, 'backward');
      } else {
        l11 = selfMembers(d.lsoas, changes.from, lookup);
        l21 = crossVintage(new Set(d.lsoas), lookup, 'forward');
      }
    }
    const same = (a: MemberLsoa[], b: MemberLsoa[]) => JSON.stringify([...a].sort((x, y) => x.code.localeCompare(y.code, 'en-GB'))) === JSON.stringify(b);
    if (!same(n.lsoas2011, l11) || !same(n.lsoas2021, l21)) {
      problems.push({
        code: 'NEIGHBOURHOOD_LSOAS_STALE',
        file,
        column: `neighbourhoods.${k}.lsoas2011/lsoas2021`,
        value: n.slug,
        message: `${n.name}: the LSOA lists do not match what the derivation gives (2011: ${l11.map((m) => m.code).join(' ')}; 2021: ${l21.map((m) => m.code).join(' ')})`,
        fix: 'Run `npm run data -- --update-neighbourhoods` to rewrite the lists from the derivation, then review the change.',
      });
    }
    resolved.push({ config: n, lsoas2011: l11, lsoas2021: l21, lad: { 2011: majority(frames[2011], l11.map((m) => m.code)), 2021: majority(frames[2021], l21.map((m) => m.code)) } });
  });
  return { resolved, problems };
}

/**
 * The neighbourhoods stage: each resolved, its problems collected. When the lists are being
 * rewritten from their derivations, lists that differ from them are not a problem.
 */
export function neighbourhoodsStage(list: NeighbourhoodConfig[], frames: { 2011: AreaFrame; 2021: AreaFrame }, lookup: VintageLookup, rewriting: boolean, problems: Problem[]): ResolvedNeighbourhood[] {
  const nb = resolveNeighbourhoods(list, frames, lookup);
  problems.push(...nb.problems.filter((p) => !(rewriting && p.code === 'NEIGHBOURHOOD_LSOAS_STALE')));
  return nb.resolved;
}

export const neighbourhoodCounts = (resolved: ResolvedNeighbourhood[]) => Object.fromEntries(resolved.map((n) => [n.config.slug, `${n.lsoas2011.length} (2011) / ${n.lsoas2021.length} (2021)`]));

/** neighbourhoods.json as given, with each neighbourhood's LSOA lists rewritten from its derivation. */
export function rewrittenConfig(raw: unknown, resolved: ResolvedNeighbourhood[]): string {
  const byslug = new Map(resolved.map((n) => [n.config.slug, n]));
  const r = raw as { neighbourhoods: Record<string, unknown>[] };
  return JSON.stringify({ ...r, neighbourhoods: r.neighbourhoods.map((n) => ({ ...n, lsoas2011: byslug.get(String(n.slug))!.lsoas2011, lsoas2021: byslug.get(String(n.slug))!.lsoas2021 })) }, null, 2) + '\n';
}

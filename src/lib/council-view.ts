/**
 * Pages that do not grow with the country: when the atlas covers all of England, a page's map
 * of the whole scope is drawn by council and its table lists councils; the small areas stay in
 * the interactive map (vector tiles) and the downloads. Within a region, both stay small areas.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import { simplify } from 'topojson-simplify';
import { weightQuantile } from './weight-quantile.ts';
import { catalogue, readData, valuesOf, type IndicatorMeta, type Neighbourhood, type Summary } from './data.ts';
import { areaInfo, regionSummary, topologyOf, valuesByCode, type AreaValue } from './map-data.ts';
import { mappedArea } from './scope-words.ts';
import { councilBasis, councilFigureText } from './council-figure.ts';
import { councilsOnly } from './council-topology.ts';

export { councilBasis };

/** True when whole-scope maps and tables are drawn by council (the atlas covers the nation). */
export const byCouncil = (): boolean => catalogue().scope.mode === 'england';

/** One council's figure for an indicator, as a council map and table show it. */
export interface CouncilFigure {
  code: string;
  name: string;
  /** Its small areas of the indicator's vintage, and how many have a figure. */
  areas: number;
  withValue: number;
  /** The figure the map colours by, as the build computed it (src/lib/council-figure.ts). */
  value: number | null;
  /** Small areas in England's most deprived tenth, for ranks and deciles. */
  mostDeprived10?: { areas: number; share: number };
}

type Comparators = { lads: Record<'2011' | '2021', Record<string, { name: string; summaries: Record<string, Summary> }>> };

/** Every council in scope with its figure for an indicator (councils of the indicator's vintage), in code order. */
export function councilFigures(ind: IndicatorMeta): CouncilFigure[] {
  const lads = readData<Comparators>('comparators.json').lads[String(ind.vintage) as '2011' | '2021'];
  // The build's figures follow the topology's councils (the council tiles' ids).
  const built = (valuesOf(ind.id) as { councils?: (number | null)[] }).councils;
  if (!built) throw new Error(`values/${ind.id}.json has no council figures: rebuild the data with --scope england`);
  const order = (topologyOf(ind.vintage).objects.lad as GeometryCollection).geometries.map((g) => String(g.id));
  const figureOf = new Map(order.map((code, k) => [code, built[k]]));
  return Object.keys(lads).sort().map((code) => {
    const s = lads[code].summaries[ind.id];
    return {
      code, name: lads[code].name,
      areas: s?.areas ?? 0, withValue: s?.withValue ?? 0,
      value: figureOf.get(code) ?? null,
      ...(s?.mostDeprived10 ? { mostDeprived10: { areas: s.mostDeprived10.areas, share: s.mostDeprived10.share } } : {}),
    };
  });
}

/** A whole-scope map: what it is coloured by (councils or small areas), its one-paragraph summary, and the councils' figures for their table. */
export interface ScopeMap {
  topology: Topology;
  object: 'lsoa' | 'lad';
  codes: string[];
  values: Map<string, AreaValue>;
  names?: Map<string, { name: string }>;
  /** Small areas are merged by class (a region's thousands); councils are drawn one by one, each with its hover text. */
  dissolve: boolean;
  /** How a map title names what is drawn ("across the North West", "by council across England"). */
  across: string;
  summary: string;
  /** The councils' figures when the map is drawn by council, else null. */
  councils: CouncilFigure[] | null;
}

/** The share of the topology's positions a council map keeps: England's councils drawn 640 px wide need no more. */
const COUNCIL_MAP_KEEP = 0.08;
const simplified = new Map<number, Topology>();

/** The councils and neighbourhoods of a vintage's topology, simplified for a map of the nation (once per build). */
function councilTopology(vintage: 2011 | 2021): Topology {
  if (!simplified.has(vintage)) {
    const pre = councilsOnly(topologyOf(vintage));
    simplified.set(vintage, simplify(pre, weightQuantile(pre, COUNCIL_MAP_KEEP)) as Topology);
  }
  return simplified.get(vintage)!;
}

/**
 * The map of the whole scope for an indicator: councils for the nation, small areas for a
 * region (its summary says where, `where` as regionSummary takes it).
 */
export function scopeMap(ind: IndicatorMeta, nbs: readonly Neighbourhood[], where?: string): ScopeMap {
  const cat = catalogue();
  if (!byCouncil()) return { topology: topologyOf(ind.vintage), object: 'lsoa', codes: [...areaInfo(ind.vintage).keys()], values: valuesByCode(ind), dissolve: true, across: `across ${mappedArea(cat.scope)}`, summary: regionSummary(ind, nbs, where), councils: null };
  const figures = councilFigures(ind);
  return {
    topology: councilTopology(ind.vintage), object: 'lad', dissolve: false,
    codes: figures.map((f) => f.code),
    values: new Map(figures.map((f) => [f.code, { value: f.value, status: f.value === null ? 'missing' : 'value' }])),
    names: new Map(figures.map((f) => [f.code, { name: f.name }])),
    across: `by council across ${mappedArea(cat.scope)}`,
    summary: councilSummary(ind, figures),
    councils: figures,
  };
}

/** A sentence on a council map: how many councils, what each is coloured by, the highest and lowest. */
function councilSummary(ind: IndicatorMeta, figures: CouncilFigure[]): string {
  const cat = catalogue();
  const shown = figures.filter((f) => f.value !== null).sort((a, b) => a.value! - b.value! || a.code.localeCompare(b.code));
  const head = `${figures.length.toLocaleString('en-GB')} councils of ${mappedArea(cat.scope)}, each coloured by its own figure: ${councilBasis(ind)}.`;
  if (shown.length === 0) return `${head} No council has a figure.`;
  const lo = shown[0], hi = shown[shown.length - 1];
  const fmt = (f: CouncilFigure) => `${f.name} (${councilFigureText(f.value, ind, true)})`;
  return `${head} Lowest: ${fmt(lo)}; highest: ${fmt(hi)}.${shown.length < figures.length ? ` ${figures.length - shown.length} have no figure.` : ''}`;
}

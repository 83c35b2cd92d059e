import { z } from 'zod';

/** Schemas of the files in data/ and data/config/. Types used by the stages come from here. */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lowercase hex digits');
const lsoa = z.string().regex(/^[EW]01\d{6}$/, 'an LSOA code is E01 or W01 followed by six digits');
const ward = z.string().regex(/^[EW]05\d{6}$/, 'a ward code is E05 or W05 followed by six digits');
const vintage = z.union([z.literal(2011), z.literal(2021)]);

export const SourcesSchema = z.object({
  sources: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      title: z.string().min(1),
      publisher: z.string().min(1),
      edition: z.string().min(1),
      url: z.string().url(),
      retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      licence: z.object({ name: z.string(), id: z.string(), url: z.string().url() }),
      attribution: z.string().min(1),
      via: z.string().optional(),
      files: z.array(z.object({ path: z.string(), sha256, bytes: z.number().int().nonnegative(), origin: z.string().optional() })).min(1),
    }),
  ),
});
export type Sources = z.infer<typeof SourcesSchema>;
export type Source = Sources['sources'][number];

export const TablesSchema = z.object({
  defaults: z.object({ missingMarkers: z.array(z.string()), suppressedMarkers: z.array(z.string()) }),
  tables: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      file: z.string(),
      vintage,
      code: z.string(),
      /** Published for a finer geography (an id under "finer" in geographies.json): its counts are summed to LSOAs through that lookup. */
      finer: z.string().optional(),
      /**
       * Published for a coarser geography (electoral wards of the vintage's LSOA lookup): each small area is given its ward's row
       * (pipeline/stages/coarser.ts). `contests` reduces one row per election to one per ward first.
       */
      coarser: z.object({
        level: z.literal('ward'),
        /** A ward the lookup does not have: an error, or excluded and counted (with the reason, e.g. wards redrawn before the lookup's edition). */
        notInLookup: z.object({ policy: z.enum(['error', 'exclude']), reason: z.string().min(1) }),
        /** Columns that are percentages (0 to 100), checked once per ward. */
        percent: z.array(z.string()),
        /** A column whose empty cell means the ward had no contested poll (counted in the build report). */
        noPoll: z.object({ column: z.string(), reason: z.string().min(1) }).optional(),
        /** Columns listed for each ward on the pages (governance.json). */
        show: z.array(z.string()),
        contests: z.object({ date: z.string(), name: z.string(), seats: z.string(), candidates: z.string(), uncontested: z.string() }).optional(),
      }).optional(),
      missingMarkers: z.array(z.string()).optional(),
      suppressedMarkers: z.array(z.string()).optional(),
    }),
  ),
});
export type Tables = z.infer<typeof TablesSchema>;
export type TableConfig = Tables['tables'][number];

const fileRef = { source: z.string(), file: z.string() };
const vintageGeo = z.object({
  label: z.string(),
  boundary: z.object({
    ...fileRef, code: z.string(), name: z.string(), generalisation: z.string(),
    /** Self-intersecting rings fail the build unless this declares them known in the published file (they are then counted and located in the build report). */
    selfIntersections: z.object({ policy: z.enum(['fail', 'report']), reason: z.string().min(1) }).optional(),
  }),
  areaLookup: z.object({ ...fileRef, code: z.string(), ward: z.string(), wardName: z.string(), lad: z.string(), ladName: z.string(), wardEdition: z.string(), ladEdition: z.string() }),
  regionLookup: z.object({ ...fileRef, lad: z.string(), region: z.string(), regionName: z.string() }),
  population: z.object({ table: z.string(), column: z.string(), label: z.string() }),
});
export const GeographiesSchema = z.object({
  scope: z.object({ regionCode: z.string().regex(/^E12\d{6}$/), regionName: z.string() }),
  nation: z.object({
    code: z.string(), name: z.string(), lsoaPrefix: z.string(),
    /** [west, south, east, north] in degrees: every boundary position must fall inside it (catches British National Grid metres and swapped latitude and longitude). */
    bbox: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  }),
  vintages: z.object({ '2021': vintageGeo, '2011': vintageGeo }),
  vintageLookup: z.object({ ...fileRef, from: z.string(), to: z.string(), change: z.string(), changeCodes: z.record(z.string(), z.string()) }),
  /** Lookups from finer geographies that nest exactly in the LSOAs of a vintage (Census Output Areas), keyed by an id tables refer to. */
  finer: z.record(z.string(), z.object({
    ...fileRef, level: z.string().min(1), vintage, code: z.string(), parent: z.string(),
    /** The finer area codes' form, e.g. ^E00\\d{6}$ for English Output Areas. */
    pattern: z.string().min(1),
    /** How far sums of finer areas are from the publisher's own tables of the parent geography: shown on the methods page. */
    note: z.string().min(1),
  })).optional(),
  context: z.object({ lad: z.object({ ...fileRef, code: z.string(), name: z.string() }), land: z.object(fileRef) }),
  search: z.object({
    postcodes: z.object({ ...fileRef, postcode: z.string(), lad: z.string(), ward: z.string(), lsoa: z.string(), edition: z.string() }),
    places: z.object({ ...fileRef, name: z.string(), type: z.string(), lat: z.string(), lon: z.string(), district: z.string(), county: z.string() }),
    names: z.object({ ...fileRef, code: z.string(), name: z.string(), parent: z.string() }),
  }).optional(),
  /**
   * A street basemap from vector tiles (OpenMapTiles schema) stored as raw files
   * `<folder>/<area>/<z>/<x>/<y>.pbf` of one source: published for the interactive map and
   * decoded into each neighbourhood's static map.
   */
  streets: z.object({
    source: z.string(), folder: z.string(),
    /** Zooms up to this hold every tile of an area; above it, tiles exist only in clusters (around the neighbourhoods). */
    areaMaxZoom: z.number().int().min(0).max(16),
    /** The zoom of the most detailed tiles, decoded for the static maps. */
    detailZoom: z.number().int().min(10).max(16),
    /** Shown beside every map that draws streets. */
    attribution: z.string().min(1),
    /** How old the street data is: beside every map that draws streets. */
    age: z.string().min(1),
    /** Where street detail exists: said by the interactive map where it ends. */
    note: z.string().min(1),
  }).optional(),
  geometry: z.object({ simplifyKeepShare: z.object({ '2021': z.number().gt(0).lte(1), '2011': z.number().gt(0).lte(1) }), quantization: z.number().int().min(1000) }),
});
export type Geographies = z.infer<typeof GeographiesSchema>;
export type FinerGeography = NonNullable<Geographies['finer']>[string];

const classification = z.discriminatedUnion('method', [
  z.object({ method: z.literal('decile') }),
  z.object({ method: z.literal('quantile'), classes: z.number().int().min(2).max(9), over: z.enum(['england', 'scope']) }),
  /** Fixed classes centred on no change, for change layers: 3 or more down, 2, 1, none, 1, 2, 3 or more up. */
  z.object({ method: z.literal('diverging') }),
]);
export const IndicatorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens'),
    label: z.string().min(1),
    shortLabel: z.string().min(1),
    description: z.string().min(1),
    table: z.string(),
    column: z.string().optional(),
    /** Several columns of the same unit and denominator, added (e.g. two crime rates per 1,000 of the same population). */
    columns: z.array(z.string()).min(2).optional(),
    numerator: z.array(z.string()).min(1).optional(),
    denominator: z.string().optional(),
    transform: z.literal('proportion-to-percent').optional(),
    unit: z.enum(['score', 'rank', 'decile', 'percent', 'rate', 'count', 'change']),
    decimals: z.number().int().min(0).max(6),
    polarity: z.enum(['higher-worse', 'lower-worse', 'neutral']),
    edition: z.string(),
    classification,
    family: z.string(),
    /** What the number counts, after it: "per 1,000 people", "patients per GP". */
    per: z.string().min(1).optional(),
    /** The measure in words people use, with {share} ("3 in 10") or {value} ("42.1") where the figure goes: "{share} households have no car or van". */
    plain: z.string().regex(/\{(share|value)\}/, 'a plain sentence holds {share} or {value} where the figure goes').optional(),
    /** A caveat shown beside every figure: modelled, measured for the whole council area, ... */
    note: z.string().min(1).optional(),
    /** Why this measure matters, where it differs from its family's (two measures of one source saying different things). */
    why: z.string().min(1).optional(),
  })
  .refine((i) => [i.column !== undefined, i.columns !== undefined, i.numerator !== undefined && i.denominator !== undefined].filter(Boolean).length === 1, {
    message: 'give one of "column", "columns", or both "numerator" and "denominator"',
  })
  .refine((i) => i.unit === 'score' || i.unit === 'rank' || i.unit === 'decile' || i.plain !== undefined, {
    message: 'a measure in real units (a percentage, rate or count) needs a "plain" sentence: the figure in words people use',
  })
  .refine((i) => i.plain === undefined || i.unit !== 'percent' || i.plain.includes('{share}'), { message: 'a percentage\'s plain sentence uses {share}' });
/**
 * A change layer: one edition's IMD (or domain) decile against an earlier one's, on the later
 * edition's small areas; the earlier edition's rank and decile are carried across the 2011 to
 * 2021 LSOA change (see pipeline/stages/change.ts).
 */
export const ChangeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), shortLabel: z.string().min(1), description: z.string().min(1), edition: z.string().min(1), family: z.string(),
  /** Decile indicators of the earlier and later editions, and the earlier edition's rank (weights merged areas). */
  from: z.string(), fromRank: z.string(), to: z.string(),
});
export type ChangeConfig = z.infer<typeof ChangeSchema>;
/** An edition of the Indices: its name, publication, the years its data mostly describe, and how far it may be compared. */
export const EditionSchema = z.object({ id: z.string(), name: z.string(), published: z.string(), dataYears: z.string(), lsoas: z.string(), note: z.string() });
export const IndicatorsSchema = z.object({
  headline: z.string(), neighbourhoodTable: z.array(z.string()).min(1), indicators: z.array(IndicatorSchema).min(1),
  changes: z.array(ChangeSchema).optional(),
  /** The editions of the Indices whose ranks and deciles are compared over time, oldest first, with their decile indicators. */
  editions: z.array(EditionSchema.extend({ decile: z.string(), rank: z.string() })).optional(),
});
export type Indicators = z.infer<typeof IndicatorsSchema>;
export type Indicator = Indicators['indicators'][number];

const domain = z.object({ id: z.string(), name: z.string(), summary: z.string(), description: z.string(), colour: z.string().regex(/^#[0-9a-f]{6}$/i) });
export const DomainsSchema = z.object({
  framework: z.object({ name: z.string(), note: z.string() }),
  domains: z.array(domain.extend({ number: z.number().int(), systemProperty: z.string() })).min(1),
  context: domain,
  mapping: z.array(z.object({ family: z.string(), domain: z.string(), reason: z.string().min(1), why: z.string().min(1) })),
});
export type Domains = z.infer<typeof DomainsSchema>;

const derivation = z.discriminatedUnion('method', [
  z.object({ method: z.literal('wards'), wardVintage: z.literal(2019), wards: z.array(z.object({ code: ward, name: z.string(), part: z.boolean() })).min(1) }),
  z.object({ method: z.literal('lsoas'), lsoaVintage: vintage, lsoas: z.array(lsoa).min(1), how: z.string().min(1) }),
]);
/** A member LSOA: its change between 2011 and 2021, and whether it reaches outside the outline. */
const memberLsoa = z.object({ code: lsoa, change: z.enum(['unchanged', 'split', 'merged', 'redrawn']), partial: z.boolean() });
export type MemberLsoa = z.infer<typeof memberLsoa>;

export const NeighbourhoodSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  council: z.string().min(1),
  description: z.string().min(1),
  sourceUrl: z.string().url(),
  derivation,
  approximate: z.literal(true, { message: 'every outline here is derived; set "approximate": true' }),
  fitNotes: z.string().min(1),
  lsoas2011: z.array(memberLsoa),
  lsoas2021: z.array(memberLsoa),
});
export const NeighbourhoodsSchema = z.object({ neighbourhoods: z.array(NeighbourhoodSchema) });
export type Neighbourhoods = z.infer<typeof NeighbourhoodsSchema>;
export type NeighbourhoodConfig = Neighbourhoods['neighbourhoods'][number];

/** Council spending (config/finance.json): see pipeline/stages/finance.ts. */
export const FinanceSchema = z.object({
  source: z.string(),
  unit: z.string().min(1),
  years: z.array(z.object({ year: z.string(), file: z.string(), yearColumn: z.string().optional() })).min(2),
  columns: z.object({ code: z.string(), name: z.string(), class: z.string() }),
  codes: z.object({ column: z.string(), files: z.array(z.string()).min(1) }),
  region: z.object({ file: z.string(), column: z.string(), value: z.string() }),
  /** Classes of authority; those with a tier are councils, the others are counted and left out. */
  classes: z.record(z.string(), z.object({ name: z.string(), tier: z.enum(['single', 'county', 'district']).optional() })),
  services: z.array(z.object({
    id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), total: z.boolean().optional(),
    /** Which tier runs it where there are two: the county, the district, or both. */
    who: z.enum(['county', 'district', 'both']),
    columns: z.array(z.array(z.string()).min(1)).min(1),
    /** Other services (ids) taken away from the sum of the columns, year by year (e.g. all services less education). */
    less: z.array(z.string()).optional(),
    /** The service the pages lead with (at most one): per resident in real terms. */
    lead: z.boolean().optional(),
    note: z.string().optional(),
    /** Words said only for a council of a two-tier area (a county or a district): how the two tiers share the service. */
    twoTierNote: z.string().min(1).optional(),
    /** Where the line bends for a reason of accounts, not of service: the year and the reason, said on its chart. */
    breaks: z.array(z.object({ year: z.string(), why: z.string().min(1) })).optional(),
  })).min(1).refine((s) => s.filter((x) => x.total).length === 1, 'exactly one service is the total').refine((s) => s.filter((x) => x.lead).length <= 1, 'at most one service leads'),
  /** Each council's mid-year population (mid-year N for financial year N/N+1): a long file of code, year, population. */
  population: z.object({
    file: z.string(), columns: z.object({ code: z.string(), year: z.string(), value: z.string() }),
    /** Which estimates, in words (e.g. as published before Census 2021). */
    vintage: z.string().min(1),
    /** Councils known to have no population in the file, each with the reason: reported missing, never estimated. Any other council without one stops the build. */
    absent: z.array(z.object({ code: z.string().regex(/^E\d{8}$/), reason: z.string().min(1) })),
  }),
  /** Prices: a financial-year price index (e.g. GDP deflator means), rebased here to the base year. */
  deflator: z.object({
    file: z.string(), columns: z.object({ year: z.string(), value: z.string() }),
    base: z.string().regex(/^\d{4}-\d{2}$/),
    /** Which series and release, in words. */
    vintage: z.string().min(1),
  }),
  /** Cell values the publisher uses for "not available": no figure, counted in the build report. */
  notAvailable: z.array(z.string()),
  /** Totals below zero that are the publisher's own (net income above spending), each with its reason; any other is refused. */
  acceptedNegativeTotals: z.array(z.object({ code: z.string(), year: z.string(), reason: z.string().min(1) })),
  /** What could not be computed and why, in words. */
  missing: z.string().min(1),
  notes: z.array(z.string().min(1)).min(1),
  neighbourhoods: z.record(z.string(), z.array(z.string().regex(/^E\d{8}$/)).min(1)),
});
export type Finance = z.infer<typeof FinanceSchema>;

/** NHS primary care around each neighbourhood (config/primary-care.json): see pipeline/stages/primary-care.ts. */
export const PrimaryCareSchema = z.object({
  source: z.string(),
  file: z.string(),
  /** Financial years shown, in order ("2015-16"). */
  years: z.array(z.string().regex(/^\d{4}-\d{2}$/)).min(2),
  columns: z.object({ year: z.string(), practice: z.string(), name: z.string(), postcode: z.string(), ccg: z.string(), ccgName: z.string(), patients: z.string(), gps: z.string(), wfPatients: z.string() }),
  /** The postcode file giving each practice postcode its 2021 small area. */
  postcodes: z.object({ source: z.string(), file: z.string(), postcode: z.string(), lsoa: z.string() }),
  /** A practice is near a neighbourhood when its postcode's small area is one of the neighbourhood's, or its centre is within this distance of the centre of one of them. */
  distanceKm: z.number().positive().max(10),
  notes: z.array(z.string().min(1)).min(1),
  /** An indicator elsewhere on the page that also counts patients per GP, and the words ("{value}" its figure) on why the two differ. */
  otherFigure: z.object({ indicator: z.string(), note: z.string().includes('{value}') }).optional(),
});
export type PrimaryCare = z.infer<typeof PrimaryCareSchema>;

/** The site's own words: title, programme, home page introduction, programme-specific notes. */
export const SiteSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  programme: z.object({ name: z.string().min(1), years: z.tuple([z.number().int(), z.number().int()]).refine(([a, b]) => a <= b, 'the first year comes first') }),
  home: z.object({ lede: z.string().min(1), intro: z.array(z.string().min(1)) }),
  limits: z.array(z.string().min(1)),
});
export type Site = z.infer<typeof SiteSchema>;

/** Everything under data/ that is configuration, as parsed JSON before validation. */
export interface RawConfig {
  sources: unknown;
  tables: unknown;
  geographies: unknown;
  indicators: unknown;
  domains: unknown;
  neighbourhoods: unknown;
  site: unknown;
  /** Optional: without config/finance.json the atlas has no council spending. */
  finance?: unknown;
  /** Optional: without config/primary-care.json the atlas has no GP capacity. */
  primaryCare?: unknown;
}

/** The config files, named as the CLI reads them (relative to data/). */
export const CONFIG_FILES: Record<keyof RawConfig, string> = {
  sources: 'sources.json',
  tables: 'config/tables.json',
  geographies: 'config/geographies.json',
  indicators: 'config/indicators.json',
  domains: 'config/domains.json',
  neighbourhoods: 'config/neighbourhoods.json',
  site: 'config/site.json',
  finance: 'config/finance.json',
  primaryCare: 'config/primary-care.json',
};
/** Config files a build can do without. */
export const OPTIONAL_CONFIG = new Set<keyof RawConfig>(['finance', 'primaryCare']);

export interface Config {
  sources: Sources;
  tables: Tables;
  geographies: Geographies;
  indicators: Indicators;
  domains: Domains;
  neighbourhoods: Neighbourhoods;
  site: Site;
  finance?: Finance;
  primaryCare?: PrimaryCare;
}

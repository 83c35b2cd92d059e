import type { ZodType } from 'zod';
import type { Problem } from '../errors.ts';
import {
  CONFIG_FILES,
  DomainsSchema,
  GeographiesSchema,
  IndicatorsSchema,
  NeighbourhoodsSchema,
  SiteSchema,
  FinanceSchema,
  PrimaryCareSchema,
  SourcesSchema,
  TablesSchema,
  type Config,
  type RawConfig,
} from '../schema.ts';

function check<T>(key: keyof RawConfig, schema: ZodType<T>, value: unknown, problems: Problem[]): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    problems.push({
      code: 'CONFIG_SCHEMA',
      file: CONFIG_FILES[key],
      column: issue.path.join('.') || '(top level)',
      message: issue.message,
      fix: `Correct the field "${issue.path.join('.')}" in ${CONFIG_FILES[key]}; see the README section on configuration.`,
    });
  }
  return undefined;
}

/**
 * Validates every configuration file against its schema, then checks the references between
 * them (tables to sources, indicators to tables, the domain mapping to indicators). Returns
 * all problems found, never just the first.
 */
export function validateConfig(raw: RawConfig): { config: Config | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const sources = check('sources', SourcesSchema, raw.sources, problems);
  const tables = check('tables', TablesSchema, raw.tables, problems);
  const geographies = check('geographies', GeographiesSchema, raw.geographies, problems);
  const indicators = check('indicators', IndicatorsSchema, raw.indicators, problems);
  const domains = check('domains', DomainsSchema, raw.domains, problems);
  const neighbourhoods = check('neighbourhoods', NeighbourhoodsSchema, raw.neighbourhoods, problems);
  const site = check('site', SiteSchema, raw.site, problems);
  const finance = raw.finance === undefined ? undefined : check('finance', FinanceSchema, raw.finance, problems);
  const primaryCare = raw.primaryCare === undefined ? undefined : check('primaryCare', PrimaryCareSchema, raw.primaryCare, problems);
  if (!sources || !tables || !geographies || !indicators || !domains || !neighbourhoods || !site || (raw.finance !== undefined && !finance) || (raw.primaryCare !== undefined && !primaryCare)) return { config: null, problems };

  const files = new Map<string, string>();
  for (const s of sources.sources) for (const f of s.files) files.set(f.path, s.id);
  const ref = (key: keyof RawConfig, where: string, source: string, file: string) => {
    if (files.get(file) !== source) {
      problems.push({ code: 'UNKNOWN_FILE', file: CONFIG_FILES[key], column: where, value: file, message: `file is not listed under source "${source}" in sources.json`, fix: `Add the file with its sha256 to source "${source}" in data/sources.json, or correct the path.` });
    }
  };
  const tableIds = new Set<string>();
  for (const t of tables.tables) {
    if (tableIds.has(t.id)) problems.push({ code: 'DUPLICATE_ID', file: CONFIG_FILES.tables, column: 'tables.id', value: t.id, message: 'table id used twice', fix: 'Give each table its own id.' });
    tableIds.add(t.id);
    ref('tables', `tables.${t.id}.file`, t.source, t.file);
  }
  for (const [v, g] of Object.entries(geographies.vintages)) {
    ref('geographies', `vintages.${v}.boundary`, g.boundary.source, g.boundary.file);
    ref('geographies', `vintages.${v}.areaLookup`, g.areaLookup.source, g.areaLookup.file);
    ref('geographies', `vintages.${v}.regionLookup`, g.regionLookup.source, g.regionLookup.file);
    const pop = tables.tables.find((t) => t.id === g.population.table);
    if (!pop || String(pop.vintage) !== v) problems.push({ code: 'UNKNOWN_TABLE', file: CONFIG_FILES.geographies, column: `vintages.${v}.population.table`, value: g.population.table, message: `no table of vintage ${v} has this id`, fix: 'Name a table from tables.json on LSOAs of the same vintage.' });
  }
  for (const [id, f] of Object.entries(geographies.finer ?? {})) ref('geographies', `finer.${id}`, f.source, f.file);
  if (primaryCare) {
    ref('primaryCare', 'file', primaryCare.source, primaryCare.file);
    ref('primaryCare', 'postcodes.file', primaryCare.postcodes.source, primaryCare.postcodes.file);
  }
  if (finance) {
    finance.years.forEach((y, i) => ref('finance', `years[${i}].file`, finance.source, y.file));
    finance.codes.files.forEach((f, i) => ref('finance', `codes.files[${i}]`, finance.source, f));
    ref('finance', 'region.file', finance.source, finance.region.file);
  }
  for (const t of tables.tables) {
    const f = t.finer === undefined ? undefined : geographies.finer?.[t.finer];
    if (t.finer !== undefined && !f) problems.push({ code: 'UNKNOWN_LOOKUP', file: CONFIG_FILES.tables, column: `tables.${t.id}.finer`, value: t.finer, message: 'no lookup under "finer" in geographies.json has this id', fix: `Declare the lookup in geographies.json under "finer", or use one of: ${Object.keys(geographies.finer ?? {}).join(', ') || '(none declared)'}.` });
    else if (f && f.vintage !== t.vintage) problems.push({ code: 'CONFIG_RULE', file: CONFIG_FILES.tables, column: `tables.${t.id}.vintage`, value: String(t.vintage), message: `the lookup "${t.finer}" sums to LSOAs of ${f.vintage}, not ${t.vintage}`, fix: `Set the table's vintage to ${f.vintage}.` });
  }
  ref('geographies', 'vintageLookup', geographies.vintageLookup.source, geographies.vintageLookup.file);
  ref('geographies', 'context.lad', geographies.context.lad.source, geographies.context.lad.file);
  ref('geographies', 'context.land', geographies.context.land.source, geographies.context.land.file);

  const indicatorIds = new Set<string>();
  const families = new Set<string>();
  for (const i of indicators.indicators) {
    if (indicatorIds.has(i.id)) problems.push({ code: 'DUPLICATE_ID', file: CONFIG_FILES.indicators, column: 'indicators.id', value: i.id, message: 'indicator id used twice', fix: 'Give each indicator its own id.' });
    indicatorIds.add(i.id);
    families.add(i.family);
    if (!tableIds.has(i.table)) problems.push({ code: 'UNKNOWN_TABLE', file: CONFIG_FILES.indicators, column: `${i.id}.table`, value: i.table, message: 'no table has this id', fix: 'Use a table id from data/config/tables.json.' });
    if (i.unit === 'decile' && i.classification.method !== 'decile') problems.push({ code: 'CONFIG_RULE', file: CONFIG_FILES.indicators, column: `${i.id}.classification`, message: 'a decile indicator must use the decile classification', fix: 'Set "classification": {"method": "decile"}.' });
  }
  const unitOf = new Map(indicators.indicators.map((i) => [i.id, i.unit]));
  const needs = (where: string, id: string, unit: string) => { if (unitOf.get(id) !== unit) problems.push({ code: 'UNKNOWN_INDICATOR', file: CONFIG_FILES.indicators, column: where, value: id, message: `no ${unit} indicator has this id`, fix: `Name a ${unit} indicator defined in this file.` }); };
  for (const c of indicators.changes ?? []) {
    if (indicatorIds.has(c.id)) problems.push({ code: 'DUPLICATE_ID', file: CONFIG_FILES.indicators, column: 'changes.id', value: c.id, message: 'id used by another indicator', fix: 'Give the change layer its own id.' });
    indicatorIds.add(c.id);
    families.add(c.family);
    needs(`changes.${c.id}.from`, c.from, 'decile'); needs(`changes.${c.id}.to`, c.to, 'decile'); needs(`changes.${c.id}.fromRank`, c.fromRank, 'rank');
  }
  for (const e of indicators.editions ?? []) { needs(`editions.${e.id}.decile`, e.decile, 'decile'); needs(`editions.${e.id}.rank`, e.rank, 'rank'); }
  for (const id of indicators.neighbourhoodTable) if (!indicatorIds.has(id)) problems.push({ code: 'UNKNOWN_INDICATOR', file: CONFIG_FILES.indicators, column: 'neighbourhoodTable', value: id, message: 'no indicator has this id', fix: 'List indicator ids defined in this file.' });
  if (primaryCare?.otherFigure && !indicatorIds.has(primaryCare.otherFigure.indicator)) problems.push({ code: 'UNKNOWN_INDICATOR', file: CONFIG_FILES.primaryCare, column: 'otherFigure.indicator', value: primaryCare.otherFigure.indicator, message: 'no indicator has this id', fix: 'Name an indicator id from data/config/indicators.json, or remove "otherFigure".' });
  if (!indicatorIds.has(indicators.headline)) problems.push({ code: 'UNKNOWN_INDICATOR', file: CONFIG_FILES.indicators, column: 'headline', value: indicators.headline, message: 'the headline indicator is not defined', fix: 'Name one of the indicator ids.' });

  const domainIds = new Set([...domains.domains.map((d) => d.id), domains.context.id]);
  const mapped = new Map<string, number>();
  for (const m of domains.mapping) {
    mapped.set(m.family, (mapped.get(m.family) ?? 0) + 1);
    if (!domainIds.has(m.domain)) problems.push({ code: 'UNKNOWN_DOMAIN', file: CONFIG_FILES.domains, column: `mapping.${m.family}.domain`, value: m.domain, message: 'no domain has this id', fix: `Use one of: ${[...domainIds].join(', ')}.` });
    if (!families.has(m.family)) problems.push({ code: 'UNKNOWN_INDICATOR', file: CONFIG_FILES.domains, column: 'mapping.family', value: m.family, message: 'no indicator belongs to this family', fix: 'Use a "family" value from indicators.json, or remove the entry.' });
  }
  for (const f of families) {
    const n = mapped.get(f) ?? 0;
    if (n !== 1) problems.push({ code: 'DOMAIN_MAPPING', file: CONFIG_FILES.domains, column: 'mapping', value: f, message: n === 0 ? 'this indicator family sits in no domain' : `this indicator family is mapped ${n} times`, fix: 'Map every indicator family to exactly one domain, with a reason.' });
  }

  const slugs = new Set<string>();
  neighbourhoods.neighbourhoods.forEach((n, i) => {
    if (slugs.has(n.slug)) problems.push({ code: 'DUPLICATE_ID', file: CONFIG_FILES.neighbourhoods, column: `neighbourhoods.${i}.slug`, value: n.slug, message: 'slug used twice', fix: 'Give each neighbourhood its own slug.' });
    slugs.add(n.slug);
  });

  return { config: problems.length ? null : { sources, tables, geographies, indicators, domains, neighbourhoods, site, finance, primaryCare }, problems };
}

import { z } from 'zod';

/**
 * The shape of a local dataset (data/local/<dataset>/dataset.json and values.csv): residents'
 * and councils' own evidence, each value with who collected it, when, how, from how many people
 * and how sure it is. One module for the pipeline and the contribute page, free of Node APIs.
 */

const DOMAINS_NOTE = 'one of the domain ids in data/config/domains.json';
export const LocalDatasetSchema = z.object({
  title: z.string().min(1),
  synthetic: z.boolean().default(false),
  collectedBy: z.string().min(1),
  method: z.enum(['survey', 'resident enquiry', 'count', 'administrative']),
  period: z.string().min(1),
  licence: z.string().min(1),
  sourceUrl: z.string().url(),
  contact: z.string().min(1),
  notes: z.string().optional(),
  /**
   * How two waves (the `wave` column of values.csv) may be compared: "before-and-after" (the same
   * areas at two times: a change, never an effect) or "difference-in-differences" (with
   * comparison areas outside the programme, described in `comparison`). Without it, one wave.
   */
  design: z.enum(['one-wave', 'before-and-after', 'difference-in-differences']).optional(),
  comparison: z.string().min(1).optional(),
  disclosureControl: z.object({ applies: z.boolean(), minCount: z.number().int().min(1).default(10), minDenominator: z.number().int().min(1).default(10), reason: z.string().optional() }).default({ applies: true, minCount: 10, minDenominator: 10 }),
  indicators: z.array(z.object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens'),
    label: z.string().min(1),
    description: z.string().min(1),
    domain: z.string().min(1, DOMAINS_NOTE),
    level: z.enum(['lsoa', 'neighbourhood', 'programme']),
    vintage: z.union([z.literal(2011), z.literal(2021)]).optional(),
    unit: z.enum(['percent', 'rate', 'count', 'score', 'percentage points', 'text']),
    polarity: z.enum(['higher-worse', 'lower-worse', 'neutral']),
    denominator: z.string().optional(),
    decimals: z.number().int().min(0).max(4).default(1),
  }).refine((i) => i.level !== 'lsoa' || i.vintage !== undefined, { message: 'an LSOA-level indicator needs "vintage": 2011 or 2021' })).min(1),
}).refine((d) => d.design !== 'difference-in-differences' || !!d.comparison, { path: ['comparison'], message: 'a difference-in-differences design needs "comparison": which areas outside the programme were surveyed too' });
export type LocalDataset = z.infer<typeof LocalDatasetSchema>;
export type LocalIndicator = LocalDataset['indicators'][number];

/** The columns of values.csv, in the template's order. */
export const LOCAL_COLUMNS = ['indicator', 'area_code', 'value', 'numerator', 'denominator', 'sample_size', 'lower_ci', 'upper_ci', 'status', 'note', 'source_url'] as const;
/** An optional last column: the wave a row belongs to, as a date ("2015", "May 2018"), for a dataset with two waves. */
export const WAVE_COLUMN = 'wave';
/**
 * An optional column: for a figure published only as a bound ("more than 40 people"), the words
 * of the bound, with the number in `value`. Words, not symbols, as a reader says them.
 */
export const BOUND_COLUMN = 'bound';
export const BOUNDS = ['more than', 'at least', 'fewer than', 'at most'] as const;
export type Bound = (typeof BOUNDS)[number];

export type LocalStatus = 'value' | 'suppressed' | 'missing';
export interface LocalValue {
  indicator: string;
  area: string;
  /** A number, or text for text indicators; null unless status is value. */
  value: number | string | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  lower: number | null;
  upper: number | null;
  status: LocalStatus;
  /** Why a value was suppressed by this pipeline: 'primary' (small count) or 'secondary' (would reveal another). */
  suppressedBy: 'publisher' | 'primary' | 'secondary' | null;
  /** Precision worth flagging: a confidence interval wider than 20 points, or fewer than 30 responses. */
  lowPrecision: boolean;
  note: string;
  sourceUrl: string;
  /** The wave, as written, in a dataset of two waves (absent otherwise). */
  wave?: string;
  /** A figure published only as a bound: the value is the number the bound names (absent otherwise). */
  bound?: Bound;
  row: number;
}

/** What a dataset's values may name: the LSOAs of each vintage, the neighbourhoods' slugs, the domains, and ids already taken. */
export interface LocalContext {
  lsoas: Record<2011 | 2021, { has(code: string): boolean }>;
  /** Where the LSOA codes come from, for messages: "England" for the pipeline, "the region" for the page. */
  lsoaScope: string;
  neighbourhoods: Set<string>;
  domains: Set<string>;
  officialIds: Set<string>;
}

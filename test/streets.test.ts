/**
 * The explorer's street layers (src/scripts/explorer/streets.ts), added to a recording stand-in
 * for the map: each layer's zoom range is what MapLibre is asked for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Map as MapLibre } from 'maplibre-gl';
import { addStreets, type StreetsFile } from '../src/scripts/explorer/streets.ts';
import { streetKey } from '../pipeline/stages/streets.ts';

const streets: StreetsFile = {
  attribution: 'Streets: © OpenStreetMap contributors', note: 'Street detail covers the surroundings only.', tiles: 'tiles/{area}/{z}/{x}/{y}.pbf', layer: 'transportation', names: 'transportation_name',
  classes: { primary: 'main', minor: 'minor', rail: 'rail' },
  sources: [
    { id: 'county', area: 'county', minzoom: 0, maxzoom: 10, bounds: [-3, 53, -2, 54] },
    { id: 'county-1', area: 'county', minzoom: 11, maxzoom: 14, bounds: [-2.6, 53.5, -2.5, 53.6] },
  ],
};

/** The layers a call to addStreets adds, by id, with the zoom each is drawn from. */
function layersAdded(from?: number): Map<string, number> {
  const layers = new Map<string, number>();
  const map = {
    addSource: () => undefined,
    addLayer: (l: { id: string; minzoom?: number }) => { layers.set(l.id, l.minzoom ?? 0); },
    on: () => undefined,
    getZoom: () => 5,
    getBounds: () => ({ getWest: () => -6, getEast: () => 2, getSouth: () => 50, getNorth: () => 56 }),
  } as unknown as MapLibre;
  addStreets(map, '/', streets, 'lad-line', null, from);
  return layers;
}

beforeAll(() => { (globalThis as { location?: unknown }).location ??= { origin: 'http://atlas.test' }; });

describe('street layers', () => {
  it('in a region (small areas from the first zoom), draws main roads and rail at every zoom and minor streets from zoom 12', () => {
    const l = layersAdded();
    expect(l.get('osm-county-main')).toBe(0);
    expect(l.get('osm-county-rail')).toBe(0);
    expect(l.get('osm-county-minor')).toBe(12);
    expect(l.get('osm-county-1-minor')).toBe(12);
  });

  it('at England scope, draws no street line below the zoom small areas are drawn from (the councils\' view has no streets)', () => {
    const l = layersAdded(8);
    expect(l.size).toBe(6);
    for (const [id, z] of l) expect(z, id).toBe(id.endsWith('-minor') ? 12 : 8);
  });
});

describe('street names on the neighbourhood maps (pipeline/stages/streets.ts)', () => {
  it('labels a street once whether OpenStreetMap spells it "Saint" or "St"', () => {
    expect(streetKey('Saint Oswalds Street')).toBe(streetKey('St Oswalds Street'));
    expect(streetKey('St. Helens Road')).toBe(streetKey('Saint Helens Road'));
    expect(streetKey('St  Helens   Road')).toBe(streetKey('St Helens Road'));
  });
  it('keeps different streets apart', () => {
    expect(streetKey('Stanley Road')).not.toBe(streetKey('St Anley Road'));
    expect(streetKey('Queens Drive')).not.toBe(streetKey('Queens Drive Stoneycroft'));
    expect(streetKey('Saintfield Road')).not.toBe(streetKey('Stfield Road'));
  });
});

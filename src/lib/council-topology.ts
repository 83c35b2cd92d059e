/**
 * Councils and neighbourhoods in a topology of their own, weighted for simplifying (for the
 * council tiles below the small areas' zoom, and the council maps of the nation's pages): its
 * arcs meet only where councils meet, so simplified borders lose the small areas' corners and
 * stay shared (in the small areas' topology every such corner ends an arc, which simplifying keeps).
 */
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

export function councilsOnly(t: Topology): Topology<Objects<{}>> {
  const own = (name: string) => feature(t, t.objects[name] as GeometryCollection) as GeoJSON.FeatureCollection;
  return presimplify(topology({ lad: own('lad'), neighbourhood: own('neighbourhood') }) as Topology<Objects<{}>>);
}

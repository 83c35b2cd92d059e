import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * MapLibre's worker, served from the site's own /vendor/ under a name that carries its content's
 * hash, so it can be cached for good and fetched beside the map library rather than after it.
 * Build time only (the config copies it; pages write its address into the map's element).
 */
export const MAPLIBRE_WORKER_SOURCE = 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs';

export function maplibreWorkerName(): string {
  return `maplibre-gl-worker.${createHash('sha256').update(readFileSync(MAPLIBRE_WORKER_SOURCE)).digest('hex').slice(0, 8)}.mjs`;
}

/**
 * The explorer's state in the URL: indicator (i), selected small area (a), neighbourhood in
 * focus (n) and view (v = lon,lat,zoom). Every state reachable by clicking is reachable by URL.
 */
export interface ExplorerState { i: string; a: string | null; n: string | null; v: [number, number, number] | null }

export function readState(search: string, fallbackIndicator: string): ExplorerState {
  const q = new URLSearchParams(search);
  const v = (q.get('v') ?? '').split(',').map(Number);
  return {
    i: q.get('i') || fallbackIndicator,
    a: /^E01\d{6}$/.test(q.get('a') ?? '') ? q.get('a') : null,
    n: /^[a-z0-9-]+$/.test(q.get('n') ?? '') ? q.get('n') : null,
    v: v.length === 3 && v.every(Number.isFinite) ? (v as [number, number, number]) : null,
  };
}

export function writeState(s: ExplorerState): string {
  const q = new URLSearchParams();
  q.set('i', s.i);
  if (s.a) q.set('a', s.a);
  if (s.n) q.set('n', s.n);
  if (s.v) q.set('v', `${s.v[0].toFixed(4)},${s.v[1].toFixed(4)},${s.v[2].toFixed(2)}`);
  return `?${q.toString().replace(/%2C/g, ',')}`;
}

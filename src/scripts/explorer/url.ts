/** The URL follows the explorer: the view as it moves, and back and forward bring an earlier state back. */
import type { Ctx } from './context.ts';
import { changeIndicator } from './indicator.ts';
import { selectArea } from './selection.ts';
import { readState, writeState } from './state.ts';

export function syncUrl(ctx: Ctx): void {
  const { map } = ctx;
  addEventListener('popstate', () => {
    const s = readState(location.search, ctx.cat.headline);
    if (s.i !== ctx.ind.id) void changeIndicator(ctx, s.i, false);
    if (s.a && s.a !== ctx.state.a) selectArea(ctx, s.a, false);
    if (s.v) map.jumpTo({ center: [s.v[0], s.v[1]], zoom: s.v[2] });
  });
  map.on('moveend', () => {
    const c = map.getCenter();
    ctx.state.v = [c.lng, c.lat, map.getZoom()];
    history.replaceState(null, '', writeState(ctx.state));
  });
}

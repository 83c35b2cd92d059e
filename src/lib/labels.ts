/**
 * Which side of its point each label sits on, so that nearby labels do not overlap:
 * of two labels closer than `near` degrees of longitude (and of similar latitude), the
 * western one goes to the left.
 */
export function labelSides(points: { id: string; lon: number; lat: number }[], near = 0.45, sameRow = 0.2): Map<string, 'left' | 'right'> {
  const side = new Map<string, 'left' | 'right'>();
  for (const p of points) side.set(p.id, 'right');
  for (const a of points) for (const b of points) {
    if (a === b) continue;
    if (Math.abs(a.lat - b.lat) < sameRow && b.lon > a.lon && b.lon - a.lon < near) side.set(a.id, 'left');
  }
  return side;
}

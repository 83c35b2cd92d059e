/**
 * End labels along one axis, each as near its own line as the others allow: labels that would
 * overlap are gathered into a block centred on the mean of their targets (so a block of five
 * labels for five lines ending at the same height sits around that height, not below it), and
 * blocks that then touch are merged, until none overlaps; the whole is kept inside [min, max].
 * Returns one position per target, in the targets' order.
 */
export function dodge(targets: number[], gap: number, min = -Infinity, max = Infinity): number[] {
  const order = targets.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i);
  // Each block: its first position and the labels in it.
  let blocks: { start: number; items: { t: number; i: number }[] }[] = [];
  const place = (items: { t: number; i: number }[]) => {
    const mean = items.reduce((s, x, k) => s + x.t - k * gap, 0) / items.length;
    const span = (items.length - 1) * gap;
    return { start: Math.min(Math.max(mean, min), Math.max(min, max - span)), items };
  };
  for (const it of order) {
    blocks.push(place([it]));
    // Merge while the last block overlaps the one before it.
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1], a = blocks[blocks.length - 2];
      if (a.start + a.items.length * gap <= b.start + 1e-9) break;
      blocks = [...blocks.slice(0, -2), place([...a.items, ...b.items])];
    }
  }
  const out = new Array<number>(targets.length);
  for (const b of blocks) b.items.forEach((x, k) => { out[x.i] = b.start + k * gap; });
  return out;
}

/** Rounds to `decimals` places: the one rounding every published figure goes through. */
export function round(x: number, decimals: number): number {
  const k = 10 ** decimals;
  return Math.round(x * k) / k;
}

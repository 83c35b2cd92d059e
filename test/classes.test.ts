import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { classColours, classOf, directionInWords, fillColourExpression, formatValue, legendItems, NO_DATA, type ClassInfo } from '../src/lib/classes.ts';

/** Evaluates the map's fill-colour expression for one value, as MapLibre would. */
function mapColour(c: ClassInfo, v: number | null): string {
  const parsed = createExpression(fillColourExpression(c) as never, { type: 'color', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const colour = parsed.value.evaluate({ zoom: 8 } as never, { properties: { v }, type: 'Polygon' } as never) as unknown;
  return rgba(colour);
}
/** Any colour MapLibre may return (a hex string, or a Color with r, g, b in 0..1) as rgba(). */
function rgba(c: unknown): string {
  if (typeof c === 'string' && c.startsWith('#')) {
    const n = parseInt(c.slice(1), 16);
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},1)`;
  }
  const o = c as { r: number; g: number; b: number; a: number };
  return `rgba(${Math.round(o.r * 255)},${Math.round(o.g * 255)},${Math.round(o.b * 255)},${o.a})`;
}

/** The legend entry a value falls in, by the legend's own from/to bounds. */
function legendColour(c: ClassInfo, v: number): string {
  const item = legendItems(c, 'score', 2).find((i) => (i.from === null || v >= i.from) && (i.to === null || v < i.to));
  if (!item) throw new Error(`no legend entry for ${v}`);
  return item.colour;
}

const cases: [string, ClassInfo][] = [
  ['deciles, low is worse', { method: 'decile', breaks: [2, 3, 4, 5, 6, 7, 8, 9, 10], classes: 10, worse: 'low' }],
  ['quintiles, high is worse', { method: 'quantile', breaks: [8.5, 14.2, 21.7, 33.1], classes: 5, worse: 'high' }],
  ['quintiles, neutral', { method: 'quantile', breaks: [4.1, 8.2, 16.4, 32.8], classes: 5, worse: null }],
  ['three classes with a negative break', { method: 'quantile', breaks: [-0.5, 0.4], classes: 3, worse: 'high' }],
  ['the lowest value a class of its own', { method: 'quantile', breaks: [4.5, 20, 33.3], classes: 4, worse: 'high', floor: 0 }],
];

describe('legend and map style are built from the same breaks', () => {
  for (const [name, c] of cases) {
    it(`assign every value the same colour: ${name}`, () => {
      const probes = new Set<number>([-1000, 1000]);
      for (const b of c.breaks) for (const d of [-0.01, 0, 0.01]) probes.add(Math.round((b + d) * 100) / 100);
      for (let k = 0; k <= 200; k++) probes.add(c.breaks[0] - 5 + k * ((c.breaks[c.breaks.length - 1] - c.breaks[0] + 10) / 200));
      for (const v of probes) expect(mapColour(c, v), `value ${v}`).toBe(rgba(legendColour(c, v)));
    });
  }

  it('puts the darkest colour at the worse end', () => {
    const dark = classColours(cases[1][1]);
    expect(dark[dark.length - 1]).toBe('#440154'); // high is worse: top class darkest
    expect(classColours(cases[0][1])[0]).toBe('#440154'); // decile 1 darkest
    expect(legendItems(cases[1][1], 'score', 1)[0].colour).toBe('#440154'); // the legend lists the worse end first
  });

  it('gives areas with no value the no-data fill, which no class uses', () => {
    for (const [, c] of cases) {
      expect(mapColour(c, null)).toBe(rgba(NO_DATA.missing));
      expect(classColours(c)).not.toContain(NO_DATA.missing);
    }
  });

  it('classOf counts breaks at or below the value', () => {
    expect([1, 1.99, 2, 9.99, 10].map((v) => classOf(v, cases[0][1].breaks))).toEqual([0, 0, 1, 8, 9]);
  });

  it('names a class of the lowest value alone by that value, and says the classes are not equal shares', () => {
    const c: ClassInfo = { method: 'quantile', breaks: [4.5, 20, 33.3], classes: 4, worse: 'high', floor: 0 };
    // Worse (higher) first: the floor class is last.
    expect(legendItems(c, 'percent', 1).map((i) => i.label)).toEqual(['33.3% or more', '20.0% to under 33.3%', '4.5% to under 20.0%', '0.0%']);
    expect(directionInWords(c, 'england', 'percent', 1)).toMatch(/^Areas at 0\.0% are a class of their own .*; the other classes each hold an equal share of the rest\./);
    // A share cannot pass 100%: a top class from 100% is named "100.0%", not "100.0% or more".
    expect(legendItems({ ...c, breaks: [20, 100], classes: 3 }, 'percent', 1).map((i) => i.label)).toEqual(['100.0%', '20.0% to under 100.0%', '0.0%']);
    const plain: ClassInfo = { ...c, floor: undefined };
    expect(legendItems(plain, 'percent', 1).at(-1)!.label).toBe('below 4.5%');
    expect(directionInWords(plain, 'england', 'percent', 1)).toMatch(/^Classes each hold an equal share of England's small areas\./);
  });
});

describe('figures shown to readers', () => {
  it('take a true minus sign (U+2212), never a hyphen, and no sign when they round to zero', () => {
    expect(formatValue(-1.974, 'score', 2)).toBe('\u22121.97');
    expect(formatValue(-5, 'percent', 1)).toBe('\u22125.0%');
    expect(formatValue(-12345.6, 'number', 1)).toBe('\u221212,345.6');
    expect(formatValue(-0.001, 'score', 2)).toBe('0.00');
    expect(formatValue(2.5, 'score', 2)).toBe('2.50');
    expect(formatValue(-0.56, 'change', 2)).toBe('\u22120.56');
    expect(formatValue(0.52, 'change', 2)).toBe('+0.52');
    expect(legendItems({ method: 'quantile', breaks: [-0.74, -0.25], classes: 3, worse: null }, 'score', 2).map((i) => i.label)).toEqual(['below \u22120.74', '\u22120.74 to under \u22120.25', '\u22120.25 or more']);
  });
});

import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColour, withOpacity } from './wcag-contrast';

// The maths the theme tests stand on, against values WCAG's own examples and common checkers give.
describe('WCAG contrast', () => {
  it('gives 21:1 for black on white and the known ratio for mid greys', () => {
    expect(contrastRatio(parseColour('#000'), parseColour('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColour('#777777'), parseColour('#fff'))).toBeCloseTo(4.48, 2);
    expect(contrastRatio(parseColour('#fff'), parseColour('#777777'))).toBeCloseTo(4.48, 2);
  });

  it('reads hex, rgb() in both syntaxes and color-mix(in srgb)', () => {
    expect(parseColour('#0f08')).toEqual({ r: 0, g: 255, b: 0, a: 0x88 / 255 });
    expect(parseColour('rgb(15 20 35 / 0.35)')).toEqual({ r: 15, g: 20, b: 35, a: 0.35 });
    expect(parseColour('rgba(15, 20, 35, 50%)')).toEqual({ r: 15, g: 20, b: 35, a: 0.5 });
    expect(parseColour('color-mix(in srgb, #000000 25%, #ffffff)')).toEqual({ r: 191.25, g: 191.25, b: 191.25, a: 1 });
    expect(() => parseColour('oklch(0.5 0.1 200)')).toThrow(/does not read yet/);
  });

  it('paints translucent colour and opacity over what lies beneath', () => {
    const grey = withOpacity(parseColour('#000'), 0.5, parseColour('#fff'));
    expect(grey).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    expect(contrastRatio(parseColour('rgb(0 0 0 / 0.5)'), parseColour('#fff'))).toBeCloseTo(contrastRatio(grey, parseColour('#fff')), 10);
  });
});

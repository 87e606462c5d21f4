/**
 * WCAG 2.1 contrast for the colours tokens.css writes: hex, rgb()/rgba() (comma or space syntax,
 * with an alpha), and color-mix(in srgb, …). Other forms throw, so a new syntax in the token file
 * fails the contrast test loudly instead of being read as black.
 */

/** An sRGB colour: channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Splits a function's arguments at top-level commas (not those inside nested parentheses). */
export function splitTopLevel(body: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(body.slice(start).trim());
  return parts;
}

/** `name(args)` as one call spanning the whole string, or undefined. */
export function asCall(value: string): { name: string; args: string } | undefined {
  const m = /^([a-z-]+)\((.*)\)$/is.exec(value.trim());
  return m ? { name: (m[1] ?? '').toLowerCase(), args: m[2] ?? '' } : undefined;
}

function channel(text: string, scale: number): number {
  return text.endsWith('%') ? (parseFloat(text) / 100) * scale : parseFloat(text);
}

function parseHex(hex: string): Rgba {
  const digits = hex.slice(1);
  const full = digits.length <= 4 ? digits.replace(/./g, '$&$&') : digits;
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(full)) throw new Error(`not a hex colour: ${hex}`);
  const byte = (i: number) => parseInt(full.slice(i * 2, i * 2 + 2), 16);
  return { r: byte(0), g: byte(1), b: byte(2), a: full.length === 8 ? byte(3) / 255 : 1 };
}

function parseRgb(args: string): Rgba {
  // rgb(1 2 3 / 0.5), rgb(1, 2, 3), rgba(1, 2, 3, 0.5)
  const [colour = '', slashAlpha] = args.split('/').map((s) => s.trim());
  const parts = colour.includes(',') ? splitTopLevel(colour) : colour.split(/\s+/);
  const commaAlpha = parts.length === 4 ? parts.pop() : undefined;
  if (parts.length !== 3) throw new Error(`rgb() needs three channels: rgb(${args})`);
  const [r, g, b] = parts.map((p) => channel(p, 255)) as [number, number, number];
  const alpha = slashAlpha ?? commaAlpha;
  return { r, g, b, a: alpha === undefined ? 1 : channel(alpha, 1) };
}

/** color-mix(in srgb, A p%, B q%): premultiplied interpolation, as CSS Color 5 defines it. */
export function mixSrgb(a: Rgba, pa: number, b: Rgba, pb: number): Rgba {
  const total = pa + pb;
  const [wa, wb] = [pa / total, pb / total];
  const alpha = a.a * wa + b.a * wb;
  const premul = (x: number, y: number) => (alpha === 0 ? 0 : (x * a.a * wa + y * b.a * wb) / alpha);
  return { r: premul(a.r, b.r), g: premul(a.g, b.g), b: premul(a.b, b.b), a: alpha * Math.min(1, total / 100) };
}

/**
 * Parses one colour. `resolve` turns a nested argument (a var(), a light-dark(), another colour)
 * into a colour, so color-mix can take tokens.
 */
export function parseColour(value: string, resolve: (arg: string) => Rgba = (arg) => parseColour(arg)): Rgba {
  const text = value.trim();
  if (text.startsWith('#')) return parseHex(text);
  const call = asCall(text);
  if (call?.name === 'rgb' || call?.name === 'rgba') return parseRgb(call.args);
  if (call?.name === 'color-mix') {
    const [space = '', first = '', second = ''] = splitTopLevel(call.args);
    if (space.replace(/\s+/g, ' ') !== 'in srgb') throw new Error(`color-mix is read only in srgb: ${text}`);
    const part = (p: string) => {
      const m = /^(.*?)(?:\s+(\d+(?:\.\d+)?)%)?$/s.exec(p);
      return { colour: resolve(m?.[1] ?? p), percent: m?.[2] === undefined ? undefined : parseFloat(m[2]) };
    };
    const [a, b] = [part(first), part(second)];
    const pa = a.percent ?? (b.percent === undefined ? 50 : 100 - b.percent);
    const pb = b.percent ?? 100 - pa;
    return mixSrgb(a.colour, pa, b.colour, pb);
  }
  throw new Error(`colour syntax the contrast test does not read yet: ${text}`);
}

/** `fg` with its alpha painted over an opaque `bg` (source-over). */
export function over(fg: Rgba, bg: Rgba): Rgba {
  const mix = (f: number, b: number) => f * fg.a + b * (1 - fg.a);
  return { r: mix(fg.r, bg.r), g: mix(fg.g, bg.g), b: mix(fg.b, bg.b), a: 1 };
}

/** `colour` drawn inside an element with `opacity`, composited onto `backdrop`. */
export function withOpacity(colour: Rgba, opacity: number, backdrop: Rgba): Rgba {
  return over({ ...colour, a: colour.a * opacity }, backdrop);
}

/** WCAG 2.1 relative luminance of an opaque sRGB colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.1 contrast ratio (1–21). A translucent foreground is first painted over the background. */
export function contrastRatio(fg: Rgba, bg: Rgba): number {
  if (bg.a < 1) throw new Error('the background must be opaque: paint it over its surface first');
  const [hi, lo] = [relativeLuminance(over(fg, bg)), relativeLuminance(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

import { readFileSync } from 'node:fs';
import { asCall, parseColour, splitTopLevel, type Rgba } from './wcag-contrast';

/**
 * The colour tokens of src/renderer/styles/tokens.css as a page would compute them, for each way a
 * theme is reached: the system's prefers-color-scheme alone, or Settings pinning
 * <html data-theme> against the system. Reads the forms a theme can take there: light-dark()
 * under `color-scheme`, `@media (prefers-color-scheme)` blocks and `:root[data-theme]` blocks.
 */

export type Scheme = 'light' | 'dark';

/** How the page reached its theme: the system's scheme, and the Settings pin if any. */
export interface ThemeCase {
  label: string;
  system: Scheme;
  pinned?: Scheme;
}

export const themeCases: readonly ThemeCase[] = [
  { label: 'light (system)', system: 'light' },
  { label: 'dark (system)', system: 'dark' },
  { label: 'light (pinned in Settings, dark system)', system: 'dark', pinned: 'light' },
  { label: 'dark (pinned in Settings, light system)', system: 'light', pinned: 'dark' },
];

interface Block {
  prelude: string;
  declarations: Map<string, string>;
  children: Block[];
}

/** A small CSS block parser: enough for a token file (comments, nested @media, quoted strings). */
export function parseBlocks(css: string): Block[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let i = 0;
  const parseBody = (): { declarations: Map<string, string>; children: Block[] } => {
    const declarations = new Map<string, string>();
    const children: Block[] = [];
    let buffer = '';
    let depth = 0;
    let quote: string | undefined;
    for (; i < text.length; i++) {
      const c = text[i] ?? '';
      if (quote) {
        if (c === quote) quote = undefined;
        buffer += c;
      } else if (c === '"' || c === "'") {
        quote = c;
        buffer += c;
      } else if (c === '(') {
        depth++;
        buffer += c;
      } else if (c === ')') {
        depth--;
        buffer += c;
      } else if (c === ';' && depth === 0) {
        const colon = buffer.indexOf(':');
        if (colon > 0) declarations.set(buffer.slice(0, colon).trim(), buffer.slice(colon + 1).trim());
        buffer = '';
      } else if (c === '{' && depth === 0) {
        const prelude = buffer.trim();
        buffer = '';
        i++;
        children.push({ prelude, ...parseBody() });
      } else if (c === '}' && depth === 0) {
        const colon = buffer.indexOf(':');
        if (colon > 0) declarations.set(buffer.slice(0, colon).trim(), buffer.slice(colon + 1).trim());
        return { declarations, children };
      } else buffer += c;
    }
    return { declarations, children };
  };
  return parseBody().children;
}

const rootPrelude = /^:root$/;
const pinPrelude = /^:root\[data-theme=['"]?(light|dark)['"]?\]$/;
const mediaPrelude = /^@media\s*\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)$/;

/** The declarations that apply to :root in one theme case, in cascade order (later wins). */
function rootDeclarations(blocks: Block[], theme: ThemeCase): Map<string, string> {
  const applied = new Map<string, string>();
  const pins: Block[] = [];
  const visit = (list: Block[]) => {
    for (const block of list) {
      const media = mediaPrelude.exec(block.prelude);
      const pin = pinPrelude.exec(block.prelude);
      if (media) {
        if (media[1] === theme.system) visit(block.children);
      } else if (rootPrelude.test(block.prelude)) {
        for (const [k, v] of block.declarations) applied.set(k, v);
      } else if (pin) {
        // Higher specificity than :root, so a pin wins wherever it sits in the file.
        if (pin[1] === theme.pinned) pins.push(block);
      } else if (block.prelude.startsWith(':root')) {
        throw new Error(`a :root rule the theme reader does not know: ${block.prelude}`);
      }
    }
  };
  visit(blocks);
  for (const block of pins) for (const [k, v] of block.declarations) applied.set(k, v);
  return applied;
}

/** Which side of light-dark() a page with this `color-scheme` value uses. */
function usedScheme(colorScheme: string | undefined, system: Scheme): Scheme {
  const words = (colorScheme ?? 'normal').split(/\s+/);
  if (words.includes('light') && words.includes('dark')) return system;
  if (words.includes('dark')) return 'dark';
  return 'light';
}

/** Resolved colour tokens for one theme case. */
export interface ThemeTokens {
  scheme: Scheme;
  colour(token: string): Rgba;
  /** A non-colour token's value, var() references resolved. */
  value(token: string): string;
  names: string[];
}

/** Reads the token file and resolves every token for one theme case. */
export function themeTokens(theme: ThemeCase, css = readFileSync('src/renderer/styles/tokens.css', 'utf8')): ThemeTokens {
  const declarations = rootDeclarations(parseBlocks(css), theme);
  const scheme = usedScheme(declarations.get('color-scheme'), theme.system);
  const expand = (value: string, seen: string[]): string => {
    const call = asCall(value);
    if (call?.name === 'var') {
      const [name = '', fallback] = splitTopLevel(call.args);
      if (seen.includes(name)) throw new Error(`token cycle: ${[...seen, name].join(' -> ')}`);
      const own = declarations.get(name);
      if (own !== undefined) return expand(own, [...seen, name]);
      if (fallback !== undefined) return expand(fallback, seen);
      throw new Error(`${seen.at(-1) ?? 'a value'} uses ${name}, which tokens.css does not define`);
    }
    if (call?.name === 'light-dark') {
      const [light = '', dark = ''] = splitTopLevel(call.args);
      return expand(scheme === 'light' ? light : dark, seen);
    }
    return value.trim();
  };
  const colourOf = (value: string, seen: string[]): Rgba => parseColour(expand(value, seen), (arg) => colourOf(arg, seen));
  return {
    scheme,
    colour: (token) => colourOf(`var(${token})`, []),
    value: (token) => expand(`var(${token})`, []),
    names: [...declarations.keys()].filter((k) => k.startsWith('--')),
  };
}

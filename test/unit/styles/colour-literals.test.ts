import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Colours live in tokens.css only, each as light-dark(): a literal anywhere else in the renderer is
// the same in both themes (and unchecked for contrast), and a var() with no token behind it
// silently falls back. Both slipped in once (audit.css: #fff4d6, var(--hover, #f5f7fb)).

const rendererDir = 'src/renderer';
const tokenFile = 'src/renderer/styles/tokens.css';

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => join(dir, f))
    .sort();
}

/** CSS named colours, except the two that are not a hue: transparent and currentColor. */
const namedColours = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood ' +
    'cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray ' +
    'darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
    'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue ' +
    'firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
    'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue ' +
    'mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred ' +
    'midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
    'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white ' +
    'whitesmoke yellow yellowgreen'
  ).split(' '),
);
// System colours (Canvas, GrayText…) are theme-aware but not ours: they bypass the tokens too.
const systemColours = new Set(
  'canvas canvastext linktext visitedtext activetext buttonface buttontext buttonborder field fieldtext highlight highlighttext selecteditem selecteditemtext mark marktext graytext accentcolor accentcolortext'.split(
    ' ',
  ),
);
const hexLiteral = /(^|[^&\w])(#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4}))(?![\w-])/gi;
const colourFunction = /(?<![\w-])((?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark)\()/gi;

/** The colour literals in one CSS value or string: hex, colour functions, and colour names. */
function literalsIn(text: string, names: 'words' | 'whole'): string[] {
  const found = [...text.matchAll(hexLiteral)].map((m) => m[2] ?? '');
  found.push(...[...text.matchAll(colourFunction)].map((m) => m[1] ?? ''));
  // In a stylesheet any word of a value; in code only a whole string ('canvas', 'mark' are words there).
  const words = names === 'whole' ? [text.trim()] : (text.match(/(?<![\w-])[a-z]+(?![\w-])/gi) ?? []);
  const isColour = (w: string) => namedColours.has(w.toLowerCase()) || (names === 'words' && systemColours.has(w.toLowerCase()));
  found.push(...words.filter(isColour));
  return found;
}

/** Property values of a stylesheet (comments, strings and url() removed), each with its line. */
function cssValues(css: string): Array<{ line: number; property: string; value: string }> {
  const blanked = css
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(["'])(?:\\.|(?!\1)[^\\\n])*\1/g, (s) => s.replace(/[^\n]/g, ' '))
    .replace(/url\([^)]*\)/gi, (s) => s.replace(/[^\n]/g, ' '));
  return [...blanked.matchAll(/(--[\w-]+|[a-z-]+)\s*:\s*([^;{}]+)(?=[;}])/gi)].map((m) => ({
    line: blanked.slice(0, m.index).split('\n').length,
    property: m[1] ?? '',
    value: m[2] ?? '',
  }));
}

/** String-like pieces of a TS/TSX file: literals, template text and JSX attribute values. */
function tsStrings(path: string, source: string): Array<{ line: number; text: string }> {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      // Module specifiers name files, not colours.
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent))
        out.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

describe('renderer colours', () => {
  const cssFiles = filesUnder(rendererDir, /\.css$/).filter((f) => f !== tokenFile);
  const tsFiles = filesUnder(rendererDir, /\.tsx?$/);

  it('come from tokens.css: no colour literal in any other stylesheet or in the components', () => {
    const found: string[] = [];
    for (const path of cssFiles)
      for (const { line, property, value } of cssValues(readFileSync(path, 'utf8')))
        for (const literal of literalsIn(value, 'words')) found.push(`${relative('.', path)}:${line} ${property}: ${literal}`);
    for (const path of tsFiles)
      for (const { line, text } of tsStrings(path, readFileSync(path, 'utf8')))
        for (const literal of literalsIn(text, 'whole')) found.push(`${relative('.', path)}:${line} '${literal}'`);
    expect(found).toEqual([]);
  });

  it('name only tokens that exist, so a var() never falls back to a colour of its own', () => {
    const defined = new Set<string>();
    for (const path of [tokenFile, ...cssFiles])
      for (const { property } of cssValues(readFileSync(path, 'utf8'))) if (property.startsWith('--')) defined.add(property);
    const missing: string[] = [];
    for (const path of [...cssFiles, ...tsFiles]) {
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/var\(\s*(--[\w-]+)/g))
        if (!defined.has(m[1] ?? '')) missing.push(`${relative('.', path)}: ${m[1] ?? ''}`);
    }
    expect(missing).toEqual([]);
  });

  it('are caught in every form the scan claims to catch', () => {
    const css = '.a { color: #fff; background: var(--x, rgb(0 0 0)); border: 1px solid white; white-space: nowrap; }';
    expect(cssValues(css).flatMap((v) => literalsIn(v.value, 'words'))).toEqual(['#fff', 'rgb(', 'white']);
    expect(literalsIn('Ticket #', 'whole')).toEqual([]);
    expect(literalsIn('hsl(10 20% 30%)', 'whole')).toEqual(['hsl(']);
    expect(literalsIn('black', 'whole')).toEqual(['black']);
    expect(literalsIn('A red error box', 'whole')).toEqual([]);
    expect(literalsIn('canvas', 'whole')).toEqual([]);
    expect(literalsIn('1px solid GrayText', 'words')).toEqual(['GrayText']);
  });
});

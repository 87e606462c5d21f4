import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Guards issue 9's "each concept in exactly one place": a second definition of a key or root
 * rule, a second Content-Disposition builder, S3 key encoder, client factory or extension table
 * fails here with the file that holds it, so the next change extends the one home instead.
 */
const src = path.resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const files = sourceFiles(src).map((file) => ({
  file: path.relative(src, file).split(path.sep).join('/'),
  text: readFileSync(file, 'utf8'),
}));

/** The files whose text matches `pattern`. */
function filesMatching(pattern: RegExp): string[] {
  return files.filter(({ text }) => pattern.test(text)).map(({ file }) => file);
}

const homes: Array<[string, RegExp, string]> = [
  ['root kinds', /\btype RootKind\s*=/, 'shared/model/roots.ts'],
  ['which root a key is under', /function rootOf\b/, 'shared/model/roots.ts'],
  ['a key’s parent folder', /function (parentPrefix|parentOf|folderOf)\b/, 'shared/model/keys.ts'],
  ['a key’s base name', /function (baseName|leafName|keyBaseName)\b/, 'shared/model/keys.ts'],
  ['the 1,024-byte key limit', /maxKeyBytes\s*=/, 'shared/model/keys.ts'],
  ['the S3 key path encoder', /replace\(\/\[!'\(\)\*\]\/g/, 'shared/model/keys.ts'],
  ['the control-character rule', /\\u0000-\\u001f|\\x00-\\x1f/, 'shared/model/control-characters.ts'],
  ['the Content-Disposition builder', /filename\*=UTF-8''\$\{/, 'shared/model/content-disposition.ts'],
  ['the S3 client factory', /new S3Client\(/, 'main/core/s3/client-factory.ts'],
  [
    'the extension → type table',
    /(\b[a-z0-9]+: |\['\.?[a-z0-9]+', )'(image|video|audio|text|font)\/[\w.+-]+'/,
    'shared/model/extension-types.ts',
  ],
];

describe('one home for the domain vocabulary', () => {
  it.each(homes)('%s lives in one file', (_what, pattern, home) => {
    const found = filesMatching(pattern);
    expect(found, 'the home itself no longer matches: update this guard').toContain(home);
    expect(found.filter((file) => file !== home)).toEqual([]);
  });

  it('no feature reaches into the browser feature’s folder for a helper', () => {
    const reaching = files.filter(
      ({ file, text }) =>
        file.startsWith('renderer/features/') && !file.startsWith('renderer/features/browser/') && /from '\.\.\/browser\//.test(text),
    );
    expect(reaching.map(({ file }) => file)).toEqual([]);
  });
});

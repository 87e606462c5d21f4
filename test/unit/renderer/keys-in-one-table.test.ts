import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceleratorsFor, commands } from '../../../src/shared/commands/command-table';
import { parseAccelerator } from '../../../src/shared/commands/key-binding';

/**
 * Issue 12: a shortcut is written once, in `src/shared/commands/command-table.ts`. Anywhere else
 * in the app (renderer, shell, preload), a written accelerator or shortcut label ('Ctrl+Shift+L'),
 * or a key press compared against a key the table binds ('F2', 'Delete', Ctrl+'a'), is a second
 * definition that can drift from the menus and the shortcuts sheet, and fails here by file.
 */
const src = path.resolve(__dirname, '../../../src');
const scanned = ['renderer', 'main/electron', 'preload'];

/** Keys the table binds but that other code may still compare, each with why it is not a second definition. */
const allowed: Record<string, string> = {
  Backspace:
    'the listing goes up a folder with plain Backspace; the table’s Cmd+Backspace (delete, macOS) is matched first and left to the dispatcher',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** The code without comments (a shortcut named in a comment defines nothing). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

/** Every key the table binds, on any platform, as `KeyboardEvent.key` compares it. */
const tableKeys = new Set(
  commands.flatMap((c) => ['linux', 'darwin', 'win32'].flatMap((p) => acceleratorsFor(c, p).map((a) => parseAccelerator(a, p).key))),
);

const shortcutText = /['"`](?:CmdOrCtrl|CommandOrControl|Ctrl|Control|Cmd|Command|Meta|Alt|Option|Shift)\+[^'"`\s]*['"`]|[⌘⇧⌥⌃]/u;
const comparedKey = /(?:\bkey(?:\.toLowerCase\(\))?\s*[!=]==?\s*|\bcase\s+)(['"])(.+?)\1/g;

/** What in one file's code defines a shortcut outside the table. */
function secondDefinitions(text: string): string[] {
  const body = code(text);
  const found: string[] = [];
  const written = shortcutText.exec(body);
  if (written) found.push(`writes the shortcut ${written[0]}`);
  for (const match of body.matchAll(comparedKey)) {
    const key = match[2] ?? '';
    const asCompared = key.length === 1 ? key.toLowerCase() : key;
    if (tableKeys.has(asCompared) && !(asCompared in allowed)) found.push(`compares the table’s key ${key}`);
  }
  return found;
}

describe('no keyboard shortcut is defined outside the command table', () => {
  it('finds the kinds of second definition it guards against', () => {
    expect(secondDefinitions("title={`Copy a link (Ctrl+Shift+L)`}; const l = 'Ctrl+Shift+L';")).toContain(
      "writes the shortcut 'Ctrl+Shift+L'",
    );
    expect(secondDefinitions("switch (e.key) { case 'F2': return rename; }")).toEqual(['compares the table’s key F2']);
    expect(secondDefinitions("if (primary && e.key.toLowerCase() === 'a') selectAll();")).toEqual(['compares the table’s key a']);
    expect(secondDefinitions("if (e.key === 'Delete') remove();")).toEqual(['compares the table’s key Delete']);
    expect(secondDefinitions("if (e.key === 'Enter' || e.key === 'Backspace') go(); // Ctrl+R reloads")).toEqual([]);
  });

  it('holds for the renderer, the shell and the preload', () => {
    const offenders = scanned
      .flatMap((dir) => sourceFiles(path.join(src, dir)))
      .flatMap((file) => secondDefinitions(readFileSync(file, 'utf8')).map((what) => `${path.relative(src, file)}: ${what}`));
    expect(offenders).toEqual([]);
  });
});

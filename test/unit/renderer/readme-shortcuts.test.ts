import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortcutRows } from '../../../src/renderer/features/commands/shortcut-rows';
import { commands } from '../../../src/shared/commands/command-table';

/**
 * README's shortcut table is written by hand for people reading the repository; this holds it
 * equal to the command table the menus, the palette and the shortcuts sheet are generated from,
 * so a changed key or a new command cannot leave the README behind.
 */

const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
const heading = '## Settings and keyboard shortcuts';
const header = '| Command | Linux and Windows | macOS |';

interface Row {
  label: string;
  other: string[];
  mac: string[];
}

/** The key labels of one cell: each is in backticks (`F5` or `Ctrl+R`). */
function keysOf(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
}

/** The rows of the first shortcut table under the section heading, as written. */
function readmeRows(): Row[] {
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no "${heading}" section`);
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const section = lines.slice(start, next < 0 ? undefined : next);
  const at = section.indexOf(header);
  if (at < 0) throw new Error(`README.md's "${heading}" has no table headed ${header}`);
  const rows: Row[] = [];
  // Skip the header and its |---| line; the table ends at the first line that is not a row.
  for (const line of section.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1);
    expect(cells, line).toHaveLength(3);
    const [label = '', other = '', mac = ''] = cells;
    rows.push({ label: label.trim(), other: keysOf(other), mac: keysOf(mac) });
  }
  return rows;
}

/** What the command table gives: every command with a shortcut, in table order, with its keys on each platform. */
function tableRows(): Row[] {
  const byPlatform = (platform: string) => new Map(shortcutRows(platform).map((r) => [r.id, r]));
  const linux = byPlatform('linux');
  const mac = byPlatform('darwin');
  return commands
    .filter((c) => linux.has(c.id) || mac.has(c.id))
    .map((c) => ({
      label: (linux.get(c.id) ?? mac.get(c.id))?.label ?? c.label,
      other: linux.get(c.id)?.keys ?? [],
      mac: mac.get(c.id)?.keys ?? [],
    }));
}

describe("README's keyboard shortcuts", () => {
  it('list exactly the command table’s shortcuts, with the same keys on each platform', () => {
    expect(readmeRows(), 'README.md’s shortcut table differs from src/shared/commands/command-table.ts').toEqual(tableRows());
  });

  it('may give Linux and Windows one column, since they share every key', () => {
    expect(shortcutRows('win32')).toEqual(shortcutRows('linux'));
  });
});

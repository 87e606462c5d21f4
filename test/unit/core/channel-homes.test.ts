import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../../src/shared/contract';

const channelsDir = resolve('src/shared/channels');
const coreDir = resolve('src/main/core');

/** Every `<stem>-channels.ts` file with the channel names its `…Channels` map declares. */
async function channelFiles(): Promise<Array<{ stem: string; names: string[] }>> {
  const files = readdirSync(channelsDir).filter((f) => f.endsWith('-channels.ts'));
  return Promise.all(
    files.map(async (file) => {
      const module = (await import(pathToFileURL(join(channelsDir, file)).href)) as Record<string, unknown>;
      const maps = Object.entries(module).filter(([name]) => name.endsWith('Channels'));
      expect(
        maps.map(([name]) => name),
        `${file} exports one channel map`,
      ).toHaveLength(1);
      return { stem: file.replace(/-channels\.ts$/, ''), names: Object.keys(maps[0]?.[1] ?? {}) };
    }),
  );
}

describe('where a channel lives', () => {
  it('is one place per prefix: channel file = core folder = handler file', async () => {
    const files = await channelFiles();
    expect(files.flatMap((f) => f.names).sort()).toEqual([...channelNames].sort());
    for (const { stem, names } of files) {
      const prefixes = [...new Set(names.map((n) => n.split(':')[0] ?? ''))];
      expect(prefixes, `${stem}-channels.ts holds one prefix`).toHaveLength(1);
      const prefix = prefixes[0] ?? '';
      // File names are singular: `transfers:*` → transfer-channels.ts, core/transfers/transfer-handlers.ts.
      expect(stem, `the channel file of ${prefix}:*`).toBe(prefix.replace(/s$/, ''));
      const handlers = join(coreDir, prefix, `${stem}-handlers.ts`);
      expect(existsSync(handlers), `${prefix}:* is handled in core/${prefix}/${stem}-handlers.ts`).toBe(true);
      expect(readFileSync(handlers, 'utf8')).toContain(`shared/channels/${stem}-channels'`);
    }
  });
});

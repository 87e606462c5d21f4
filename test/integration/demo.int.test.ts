import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoGateway } from '../../src/main/local-gateway/demo-gateway';
import { readState } from '../../src/main/local-gateway/state';
import { startCore } from '../support/core-harness';

const root = mkdtempSync(join(tmpdir(), 'bucket-admin-demo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Alive and not a zombie waiting to be reaped. */
const alive = (pid: number) => {
  try {
    return !/\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('the demo', () => {
  it('starts its own gateway, fills the sample bucket, adds the demo connection, and stops the gateway with the app', async () => {
    const stateFile = join(root, 'gateway.json');
    const h = startCore({ dataDir: join(root, 'data'), demoGateway: createDemoGateway({ stateFile }) });
    let closed = false;
    try {
      expect(await h.value('demo:status', {})).toMatchObject({ available: true, running: false, bucket: 'demo-media' });
      const started = await h.value('demo:start', {});
      // A second start while it runs gets the same answer, not a second gateway.
      expect(await h.value('demo:start', {})).toEqual(started);
      const status = await h.value('demo:status', {});
      expect(status).toMatchObject({ running: true, connectionId: started.connectionId });
      const roots = await h.value('browse:list', { connectionId: started.connectionId, bucket: 'demo-media', prefix: '' });
      expect(roots.entries.map((e) => e.key)).toEqual(expect.arrayContaining(['public/', 'private/']));
      const connections = await h.value('connections:list', {});
      expect(connections).toEqual([
        expect.objectContaining({ id: started.connectionId, name: 'Demo (local gateway)', bucket: 'demo-media' }),
      ]);

      const pids = readState(stateFile)?.pids ?? [];
      expect(pids.length).toBe(3);
      h.close();
      closed = true;
      await expect.poll(() => pids.filter(alive), { timeout: 20_000 }).toEqual([]);
      expect(existsSync(stateFile)).toBe(false);
    } finally {
      if (!closed) h.close();
    }
  }, 120_000);

  it('says what to install when the gateway is missing and cannot be installed here', async () => {
    const h = startCore({
      dataDir: join(root, 'missing'),
      demoGateway: {
        ...createDemoGateway({ stateFile: join(root, 'unused.json') }),
        check: () => Promise.resolve({ installed: false, installable: false, reason: 'Install it with: sudo apt-get install radosgw' }),
      },
    });
    try {
      expect(await h.value('demo:status', {})).toMatchObject({
        available: false,
        unavailableReason: 'Install it with: sudo apt-get install radosgw',
      });
      expect(await h.call('demo:start', {})).toMatchObject({
        ok: false,
        error: { code: 'NotFound', message: 'Install it with: sudo apt-get install radosgw' },
      });
    } finally {
      h.close();
    }
  });
});

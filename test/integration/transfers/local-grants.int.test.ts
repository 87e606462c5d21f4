import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateFileName } from '../../../src/main/core/store/state-file';
import { createTestBucket, gatewayFromState, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { makeTree, objectSha256, sha256 } from './support/local-files';
import { scriptedDialogs } from './support/scripted-dialogs';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';

// Issue: the renderer could upload any local file (`/etc/passwd`, the browser host's key file and
// database) by naming its path. Main now reads only what the user picked, dropped or staged.

let gw: GatewayHandle;
let tb: TestBucket;
let h: TransferHarness;
let root: string;
let shoot: string;

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-grants');
  ({ root } = makeTree(
    {
      'Shoot/a.jpg': 'jpeg bytes',
      'Shoot/sub/b.txt': 'text bytes',
      'clip.mov': 'movie bytes',
      'dropped.mov': 'dropped bytes',
      'secret/id_rsa': 'PRIVATE KEY',
    },
    'grants',
  ));
  shoot = join(root, 'Shoot');
  // Links inside the folder the user will pick, pointing out of it.
  symlinkSync(join(root, 'secret'), join(shoot, 'keys'));
  symlinkSync(join(root, 'secret', 'id_rsa'), join(shoot, 'key.txt'));
  h = await startTransferCore({ gw, dialogs: scriptedDialogs({ files: [join(root, 'clip.mov')], folder: shoot }) });
});
afterAll(async () => {
  h.close();
  await tb.cleanup();
  rmSync(root, { recursive: true, force: true });
});

const planUpload = (paths: string[], prefix = 'public/grants/') =>
  h.call('transfers:planUpload', { connectionId: h.connectionId, bucket: tb.bucket, prefix, paths });

async function uploaded(prefix: string): Promise<string[]> {
  const page = await tb.client.send(new ListObjectsV2Command({ Bucket: tb.bucket, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key ?? '').sort();
}

const refused = {
  ok: false,
  error: {
    code: 'AccessDenied',
    message: expect.stringMatching(/only reads files you picked or dropped\. Pick the file again\./) as string,
  },
};

describe('uploads read only what the user picked or dropped', () => {
  it('refuses /etc/passwd and the data folder (the key file and the database that together give back every secret)', async () => {
    const keyFile = join(h.dataDir, 'dev-secret.key');
    const database = join(h.dataDir, stateFileName);
    expect([existsSync(keyFile), existsSync(database)]).toEqual([true, true]);
    for (const path of ['/etc/passwd', keyFile, database, h.dataDir]) {
      expect(await planUpload([path])).toMatchObject(refused);
    }
    // One ungranted path refuses the whole request, granted ones with it included.
    h.drop(join(root, 'dropped.mov'));
    expect(await planUpload([join(root, 'dropped.mov'), keyFile])).toMatchObject(refused);
    expect(await uploaded('public/grants/')).toEqual([]);
  });

  it('refuses `..` out of a picked folder, and a symlink inside it that points outside', async () => {
    expect((await h.value('dialogs:chooseFolder', {})).paths).toEqual([shoot]);
    expect(await planUpload([`${shoot}/../secret/id_rsa`])).toMatchObject(refused);
    expect(await planUpload([`${shoot}/sub/../../secret`])).toMatchObject(refused);
    expect(await planUpload([join(shoot, 'keys')])).toMatchObject(refused);
    expect(await planUpload([join(shoot, 'keys', 'id_rsa')])).toMatchObject(refused);
    expect(await planUpload([join(shoot, 'key.txt')])).toMatchObject(refused);
  });

  it('uploads a folder picked in the dialog; links inside it are left out and reported, not followed', async () => {
    await h.value('dialogs:chooseFolder', {});
    const plan = await h.value('transfers:planUpload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      prefix: 'public/picked/',
      paths: [shoot],
    });
    expect(plan.sample.map((s) => s.name)).toEqual(['Shoot/a.jpg', 'Shoot/sub/b.txt']);
    expect(plan.problems.map((p) => [p.path, p.code])).toEqual([
      [join(shoot, 'key.txt'), 'Symlink'],
      [join(shoot, 'keys'), 'Symlink'],
    ]);
    expect(plan.problems[0]?.message).toMatch(/symbolic link.*not followed/);
    const started = await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
    const { items } = await h.settled(started.batchId);
    expect(items.map((i) => i.state)).toEqual(['done', 'done']);
    expect(await uploaded('public/picked/')).toEqual(['public/picked/Shoot/a.jpg', 'public/picked/Shoot/sub/b.txt']);
  });

  it('uploads a file picked in the dialog', async () => {
    expect(await planUpload([join(root, 'clip.mov')], 'private/picked/')).toMatchObject(refused);
    await h.value('dialogs:chooseFiles', {});
    const plan = await h.value('transfers:planUpload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      prefix: 'private/picked/',
      paths: [join(root, 'clip.mov')],
    });
    const { items } = await h.settled((await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' })).batchId);
    expect(items.map((i) => i.state)).toEqual(['done']);
    expect(await objectSha256(tb.client, tb.bucket, 'private/picked/clip.mov')).toBe(sha256(readFileSync(join(root, 'clip.mov'))));
  });

  it('uploads a dropped file (the path Electron’s preload grants), and nothing dropped nowhere', async () => {
    const other = join(root, 'secret', 'id_rsa');
    expect(await planUpload([other], 'private/dropped/')).toMatchObject(refused);
    expect(h.core.localFiles.grantDropped(join(root, 'dropped.mov'))).toBe(true);
    const plan = await h.value('transfers:planUpload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      prefix: 'private/dropped/',
      paths: [join(root, 'dropped.mov')],
    });
    const { items } = await h.settled((await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' })).batchId);
    expect(items.map((i) => i.state)).toEqual(['done']);
    expect(await uploaded('private/dropped/')).toEqual(['private/dropped/dropped.mov']);
  });
});

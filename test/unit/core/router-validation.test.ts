import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames } from '../../../src/shared/contract';
import { startCore, type CoreHarness } from '../../support/core-harness';

const validDraft = {
  name: 'Media',
  credentials: { kind: 'keys', accessKeyId: 'AKIAEXAMPLE1234', secretAccessKey: 'not-a-real-secret' },
  endpoint: 'http://127.0.0.1:9',
  forcePathStyle: true,
  checksumCompatibility: true,
} as const;

/** Inputs no channel accepts: wrong types, smuggled fields, and sizes far beyond any real request. */
const hostile: unknown[] = [
  undefined,
  null,
  42,
  'connections',
  [],
  [{}],
  { unexpected: true },
  { __proto__: { polluted: true }, id: 1 },
  { id: 'x'.repeat(300_000) },
  { connectionId: 123, bucket: ['a'] },
];

describe('every channel refuses bad input with InvalidInput and changes nothing', () => {
  let h: CoreHarness;
  beforeEach(() => {
    h = startCore();
  });
  afterEach(() => h.close());

  it.each(channelNames)('%s', async (channel) => {
    await h.value('connections:add', validDraft);
    const before = await h.value('connections:list', {});
    for (const input of hostile) {
      const result = await h.core.router.handle(channel, input);
      expect(result.ok, `${channel} accepted ${(JSON.stringify(input) as string | undefined)?.slice(0, 80)}`).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('InvalidInput');
    }
    expect(await h.value('connections:list', {})).toEqual(before);
  });

  it('refuses an unknown channel', async () => {
    for (const channel of ['connections:drop', 'toString', '__proto__', '', 7, null]) {
      const result = await h.core.router.handle(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    }
  });

  it('names the field that is wrong, in words', async () => {
    const result = await h.call('connections:add', { ...validDraft, name: '', endpoint: 'ftp://x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issues = (result.error.details?.issues ?? []) as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['name', 'endpoint']));
    expect(result.error.message).toMatch(/name/i);
  });

  it('refuses huge strings inside an otherwise valid draft', async () => {
    const cases = [
      { ...validDraft, name: 'n'.repeat(10_000) },
      { ...validDraft, credentials: { ...validDraft.credentials, secretAccessKey: 's'.repeat(100_000) } },
      { ...validDraft, endpoint: `http://${'a'.repeat(5_000)}.example` },
      { ...validDraft, bucket: 'B'.repeat(64) },
    ];
    for (const draft of cases) {
      expect((await h.call('connections:add', draft)).ok).toBe(false);
    }
    expect(await h.value('connections:list', {})).toEqual([]);
  });
});

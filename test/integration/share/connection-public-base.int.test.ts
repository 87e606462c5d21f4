import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionDraft } from '../../../src/shared/model/connection';
import { startShareCore, type ShareCore } from './share-fixture';

const draft: ConnectionDraft = {
  name: 'Media',
  credentials: { kind: 'keys', accessKeyId: 'AKIDEXAMPLE01', secretAccessKey: 'secret' },
  endpoint: 'http://127.0.0.1:9',
  forcePathStyle: true,
};

describe('a connection’s public base URL (CDN / custom domain)', () => {
  let h: ShareCore;
  beforeEach(() => {
    h = startShareCore();
  });
  afterEach(() => h.close());

  it('round-trips through add, list, update and the share defaults', async () => {
    const added = await h.value('connections:add', { ...draft, publicBaseUrl: 'https://cdn.example.com/media/' });
    expect(added.publicBaseUrl).toBe('https://cdn.example.com/media/');
    expect((await h.value('connections:list', {}))[0]?.publicBaseUrl).toBe('https://cdn.example.com/media/');
    expect(await h.value('share:defaults', { connectionId: added.id })).toMatchObject({
      publicBaseUrl: 'https://cdn.example.com/media/',
      publicRoot: 'public/',
    });

    const changed = await h.value('connections:update', {
      id: added.id,
      draft: { ...draft, credentials: { kind: 'keys', accessKeyId: 'AKIDEXAMPLE01' }, publicBaseUrl: 'https://files.example.org' },
    });
    expect(changed.publicBaseUrl).toBe('https://files.example.org');
    // A draft is the whole settings: leaving the field out removes the CDN base.
    const cleared = await h.value('connections:update', {
      id: added.id,
      draft: { ...draft, credentials: { kind: 'keys', accessKeyId: 'AKIDEXAMPLE01' } },
    });
    expect(cleared.publicBaseUrl).toBeUndefined();
    expect(await h.value('share:defaults', { connectionId: added.id })).toMatchObject({ publicBaseUrl: null });
  });

  it('refuses a base URL that is not http(s), with a clear message', async () => {
    const refused = await h.call('connections:add', { ...draft, publicBaseUrl: 'javascript:alert(1)' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput', message: 'publicBaseUrl: The public base URL must start with http:// or https://.' },
    });
  });
});

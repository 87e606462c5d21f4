// The headers a save sends: the patch applied to everything the object had, nothing else lost.
import type { HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { headersToKeep } from '../../../src/main/core/objects/copy-source';
import { sameHeaders } from '../../../src/main/core/objects/header-compare';
import { applyHeaderPatch, editableHeaders, restorePatch } from '../../../src/main/core/objects/header-patch';

const retainUntil = new Date('2030-01-01T00:00:00Z');
const head = {
  $metadata: {},
  ContentType: 'video/mp4',
  CacheControl: 'max-age=60',
  ContentLanguage: 'de',
  ExpiresString: 'Thu, 02 Jan 2031 03:04:05 GMT',
  Metadata: { take: '3', camera: 'b' },
  StorageClass: 'STANDARD_IA',
  ServerSideEncryption: 'aws:kms',
  SSEKMSKeyId: 'arn:aws:kms:eu-west-1:1:key/abc',
  ObjectLockMode: 'GOVERNANCE',
  ObjectLockRetainUntilDate: retainUntil,
  ObjectLockLegalHoldStatus: 'ON',
} satisfies HeadObjectCommandOutput;

describe('applying a header patch', () => {
  it('changes only what the patch names and keeps storage class, SSE-KMS key and object lock settings', () => {
    const out = applyHeaderPatch(headersToKeep(head), { cacheControl: 'no-store', metadata: { camera: null, rig: 'steadicam' } });
    expect(out).toEqual({
      ContentType: 'video/mp4',
      CacheControl: 'no-store',
      ContentLanguage: 'de',
      Expires: new Date('2031-01-02T03:04:05Z'),
      Metadata: { take: '3', rig: 'steadicam' },
      StorageClass: 'STANDARD_IA',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:aws:kms:eu-west-1:1:key/abc',
      ObjectLockMode: 'GOVERNANCE',
      ObjectLockRetainUntilDate: retainUntil,
      ObjectLockLegalHoldStatus: 'ON',
    });
  });

  it('sees a patch to the values the object has as no change, whatever the metadata order', () => {
    const kept = headersToKeep(head);
    expect(sameHeaders(kept, applyHeaderPatch(kept, { cacheControl: 'max-age=60', metadata: { camera: 'b', take: '3' } }))).toBe(true);
    expect(sameHeaders(kept, applyHeaderPatch(kept, { cacheControl: 'max-age=61' }))).toBe(false);
  });

  it('builds an undo patch that puts the old headers back, removing what the edit added', () => {
    const kept = headersToKeep(head);
    const edited = applyHeaderPatch(kept, { cacheControl: 'no-store', contentDisposition: 'inline', metadata: { rig: 'x' } });
    const undo = restorePatch(editableHeaders(kept), editableHeaders(edited));
    expect(sameHeaders(applyHeaderPatch(edited, undo), kept)).toBe(true);
  });
});

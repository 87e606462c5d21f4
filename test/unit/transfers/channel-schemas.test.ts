import { describe, expect, it } from 'vitest';
import { channels } from '../../../src/shared/contract';

const ok = (channel: keyof typeof channels, input: unknown) => channels[channel].input.safeParse(input).success;
const base = { connectionId: 'abcdef12-3456', bucket: 'media-bucket', prefix: 'public/' };

describe('transfer channel inputs are validated before main acts on them', () => {
  it('takes absolute local paths only, without NUL, within limits', () => {
    expect(ok('transfers:planUpload', { ...base, paths: ['/home/ann/Shoot'] })).toBe(true);
    expect(ok('transfers:planUpload', { ...base, paths: ['C:\\Users\\Ann\\Shoot'] })).toBe(true);
    expect(ok('transfers:planUpload', { ...base, paths: ['Shoot'] })).toBe(false);
    expect(ok('transfers:planUpload', { ...base, paths: ['/a\0b'] })).toBe(false);
    expect(ok('transfers:planUpload', { ...base, paths: [] })).toBe(false);
    expect(ok('transfers:planUpload', { ...base, paths: Array.from({ length: 10_001 }, (_, i) => `/f${i}`) })).toBe(false);
    expect(ok('transfers:planUpload', { ...base, paths: [`/${'x'.repeat(5000)}`] })).toBe(false);
  });

  it('refuses header values that could split a request, and unknown fields', () => {
    const plan = { ...base, paths: ['/a'] };
    expect(ok('transfers:planUpload', { ...plan, overrides: { cacheControl: 'public, max-age=60' } })).toBe(true);
    expect(ok('transfers:planUpload', { ...plan, overrides: { cacheControl: 'a\r\nx-amz-acl: public-read' } })).toBe(false);
    expect(ok('transfers:planUpload', { ...plan, overrides: { contentType: 'video/mp4' } })).toBe(true);
    expect(ok('transfers:planUpload', { ...plan, overrides: { contentType: 'video/mp4\r\nx: y' } })).toBe(false);
    expect(ok('transfers:planUpload', { ...plan, overrides: { acl: 'authenticated-read' } })).toBe(false);
    expect(ok('transfers:planUpload', { ...plan, extra: true })).toBe(false);
  });

  it('checks targets, conflict answers and download requests', () => {
    expect(ok('transfers:pause', { all: true })).toBe(true);
    expect(ok('transfers:pause', { all: false })).toBe(false);
    expect(ok('transfers:cancel', { ids: ['../../etc'] })).toBe(false);
    expect(ok('transfers:startUpload', { planId: 'p1', conflict: 'keepBoth', choices: [{ name: 'public/a.jpg', action: 'skip' }] })).toBe(
      true,
    );
    expect(ok('transfers:startUpload', { planId: 'p1', conflict: 'replace' })).toBe(false);
    const dl = { connectionId: base.connectionId, bucket: base.bucket, destination: '/home/ann/Downloads' };
    expect(ok('transfers:planDownload', { ...dl, keys: ['public/a.jpg'], prefixes: [] })).toBe(true);
    expect(ok('transfers:planDownload', { ...dl, keys: [], prefixes: [] })).toBe(false);
    expect(ok('transfers:planDownload', { ...dl, keys: [], prefixes: ['public'] })).toBe(false);
    expect(ok('transfers:planDownload', { ...dl, keys: ['k'.repeat(1025)], prefixes: [] })).toBe(false);
    expect(ok('transfers:planDownload', { ...dl, destination: 'Downloads', keys: ['a'], prefixes: [] })).toBe(false);
  });
});

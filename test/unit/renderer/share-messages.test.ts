import { describe, expect, it } from 'vitest';
import type { ExpiryDecision, ShareLinkResult, ShareLinksResult } from '../../../src/shared/model/share';
import { expiryMoment, localText, utcText } from '../../../src/renderer/features/share/expiry-text';
import { copiedLinkMessage, copiedLinksMessage } from '../../../src/renderer/features/share/link-messages';

const expiresAt = '2026-11-21T17:40:00.000Z';
const decision = (cap: ExpiryDecision['cap']): ExpiryDecision => ({
  requestedSeconds: cap === 'requested' ? 3_600 : 30 * 86_400,
  seconds: cap === 'requested' ? 3_600 : 604_800,
  expiresAt,
  cap,
  explanation:
    cap === 'requested'
      ? 'The link works for 1 hour, until 2026-11-21 17:40:00 UTC.'
      : 'You asked for 30 days, but S3 signatures (SigV4) last at most 7 days, so the link works for 7 days.',
});

function link(over: Partial<ShareLinkResult>): ShareLinkResult {
  return {
    kind: 'get',
    route: 'presigned',
    expiry: decision('requested'),
    explanation: '',
    url: 'https://s3.example.com/b/k?X-Amz-Signature=abc',
    bucket: 'b',
    key: 'private/k.pdf',
    expiresAt,
    cap: 'requested',
    ledgerId: 1,
    copiedByMain: false,
    revocation: '',
    ...over,
  };
}

describe('expiry text', () => {
  it('gives UTC in the form main uses and local time with seconds and zone', () => {
    expect(utcText(expiresAt)).toBe('2026-11-21 17:40:00 UTC');
    expect(localText(expiresAt, 'en-GB', 'Europe/Berlin')).toBe('21 Nov 2026, 18:40:00 CET');
    expect(expiryMoment(expiresAt, 'en-GB', 'Europe/Berlin')).toBe('21 Nov 2026, 18:40:00 CET (2026-11-21 17:40:00 UTC)');
    expect(utcText('not a date')).toBe('—');
  });
});

describe('copiedLinkMessage', () => {
  it('says until when, in local time and UTC, with nothing more when no limit applied', () => {
    expect(copiedLinkMessage(link({}), 'en-GB', 'Europe/Berlin')).toEqual({
      title: 'Link copied — expires 21 Nov 2026, 18:40:00 CET (2026-11-21 17:40:00 UTC)',
      details: [],
    });
  });

  it('adds the cap sentence and the warning when there are any', () => {
    const message = copiedLinkMessage(
      link({
        expiry: decision('sigv4-max-7-days'),
        cap: 'sigv4-max-7-days',
        warning: { code: 'NoSuchKey', message: 'No object has this key yet.' },
      }),
      'en-GB',
      'UTC',
    );
    expect(message.details).toEqual([decision('sigv4-max-7-days').explanation, 'No object has this key yet.']);
  });

  it('says public links do not expire', () => {
    expect(copiedLinkMessage(link({ kind: 'public', route: 'cdn', expiry: null, expiresAt: null, cap: null })).title).toBe(
      'Public link (CDN) copied — it does not expire',
    );
    expect(copiedLinkMessage(link({ kind: 'public', route: 'endpoint', expiry: null, expiresAt: null, cap: null })).title).toBe(
      'Public link copied — it does not expire',
    );
  });
});

describe('copiedLinksMessage', () => {
  const result: ShareLinksResult = {
    rows: [
      { key: 'a', url: 'u1', kind: 'get', expiresAt },
      { key: 'b', url: 'u2', kind: 'get', expiresAt, warning: { code: 'NoSuchKey', message: 'missing' } },
    ],
    expiry: decision('requested'),
    csv: '',
    text: '',
    warnings: 1,
    snippetIds: { text: 't', csv: 'c' },
    copiedByMain: false,
    explanation: '',
  };

  it('counts the links, names the format and points at the warnings', () => {
    const message = copiedLinksMessage(result, 'csv', 'en-GB', 'UTC');
    expect(message.title).toBe('2 links copied as CSV — expire 21 Nov 2026, 17:40:00 UTC (2026-11-21 17:40:00 UTC)');
    expect(message.details).toEqual(['1 of them has a warning: open Options… to see which.']);
    expect(copiedLinksMessage({ ...result, expiry: null, warnings: 0 }, 'text').title).toBe('2 links copied — public links do not expire');
  });
});

import { describe, expect, it } from 'vitest';
import { buildLinkInput, initialLinkValues } from '../../../src/renderer/features/share/link-form';
import { buildLinksInput } from '../../../src/renderer/features/share/links-form';
import { buildUploadInput, initialUploadValues, parseSize, type UploadFormValues } from '../../../src/renderer/features/share/upload-form';

const connectionId = 'conn-12345678';
const target = { connectionId, bucket: 'media', key: 'private/contracts/offer.pdf' };
const oneHour = { preset: '1h', amount: '', unit: 'hours' } as const;

describe('buildLinkInput', () => {
  it('sends the chosen expiry and only the options that were set, and copies', () => {
    const built = buildLinkInput(initialLinkValues(oneHour), target);
    expect(built).toEqual({
      ok: true,
      preview: { ...target, expiresInSeconds: 3_600, mode: 'auto' },
      link: { ...target, expiresInSeconds: 3_600, mode: 'auto', copy: true },
    });
  });

  it('carries download name, inline, content type, note and signing for public files', () => {
    const values = {
      ...initialLinkValues(oneHour),
      disposition: 'attachment' as const,
      filename: ' Offer 2026.pdf ',
      contentType: 'application/pdf',
      note: ' T-4711 ',
      signAnyway: true,
    };
    const built = buildLinkInput(values, target);
    expect(built.ok && built.link).toEqual({
      ...target,
      expiresInSeconds: 3_600,
      mode: 'presigned',
      disposition: { type: 'attachment', filename: 'Offer 2026.pdf' },
      contentType: 'application/pdf',
      note: 'T-4711',
      copy: true,
    });
    const inline = buildLinkInput({ ...initialLinkValues(oneHour), disposition: 'inline', filename: 'ignored' }, target);
    expect(inline.ok && inline.preview.disposition).toEqual({ type: 'inline' });
  });

  it('puts each mistake beside its field, in the contract’s words', () => {
    const built = buildLinkInput(
      {
        ...initialLinkValues({ preset: 'custom', amount: '0', unit: 'hours' }),
        disposition: 'attachment',
        filename: 'a/b.pdf',
        contentType: 'pdf',
        note: 'line\nbreak',
      },
      target,
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors.expiry).toContain('zero or less');
    expect(built.errors.filename).toBe('The file name cannot contain / or \\.');
    expect(built.errors.contentType).toBe('A content type looks like application/pdf or text/plain; charset=utf-8.');
    expect(built.errors.note).toBe('The note cannot contain line breaks or control characters.');
  });

  it('reports a folder key as a general problem', () => {
    const built = buildLinkInput(initialLinkValues(oneHour), { ...target, key: 'private/contracts/' });
    expect(built.ok ? null : built.errors.general).toContain('That is a folder');
  });
});

describe('buildLinksInput', () => {
  const values = { choice: oneHour, disposition: 'attachment' as const, note: 'T-1', signAnyway: false };

  it('builds one request for the selection with the copy format asked for', () => {
    expect(buildLinksInput(values, { connectionId, bucket: 'media', keys: ['private/a', 'private/b'] }, 'csv')).toEqual({
      ok: true,
      input: {
        connectionId,
        bucket: 'media',
        keys: ['private/a', 'private/b'],
        expiresInSeconds: 3_600,
        mode: 'auto',
        disposition: 'attachment',
        note: 'T-1',
        copy: 'csv',
      },
    });
  });

  it('refuses more than 1,000 keys with a way forward', () => {
    const keys = Array.from({ length: 1_001 }, (_, i) => `private/f${i}`);
    const built = buildLinksInput(values, { connectionId, bucket: 'media', keys }, 'text');
    expect(built.ok ? null : built.errors.general).toBe('At most 1000 links at once; select fewer files.');
  });
});

describe('parseSize', () => {
  it('reads amounts in units, rounding to bytes', () => {
    expect(parseSize('10', 'MiB', 'the largest size')).toEqual({ ok: true, bytes: 10 * 1024 ** 2 });
    expect(parseSize('1,5', 'KiB', 'x')).toEqual({ ok: true, bytes: 1_536 });
  });

  it('refuses blanks, words and negatives', () => {
    expect(parseSize(' ', 'MiB', 'the largest size')).toEqual({ ok: false, message: 'Enter the largest size, e.g. 10 MiB.' });
    expect(parseSize('big', 'MiB', 'the largest size')).toMatchObject({ ok: false });
    expect(parseSize('-1', 'bytes', 'the smallest size')).toEqual({ ok: false, message: 'The smallest size cannot be negative.' });
  });
});

describe('buildUploadInput', () => {
  const where = { connectionId, bucket: 'media' };
  const base = (over: Partial<UploadFormValues>): UploadFormValues => ({ ...initialUploadValues('private/inbox/T-1/', 86_400), ...over });

  it('makes a POST for a folder with a size range by default', () => {
    expect(buildUploadInput(base({ note: 'T-1', contentType: 'application/zip' }), where)).toEqual({
      ok: true,
      input: {
        ...where,
        method: 'post',
        target: { type: 'prefix', prefix: 'private/inbox/T-1/' },
        minBytes: 1,
        maxBytes: 100 * 1024 ** 2,
        expiresInSeconds: 86_400,
        note: 'T-1',
        contentType: 'application/zip',
        anyContentType: false,
      },
    });
  });

  it('asks for a folder link’s content type, or an explicit “any type”', () => {
    const built = buildUploadInput(base({}), where);
    expect(built.ok ? null : built.errors.contentType).toMatch(/Allow any content type/);
    const open = buildUploadInput(base({ anyContentType: true, contentType: 'text/plain' }), where);
    expect(open.ok && open.input).toMatchObject({ anyContentType: true });
    expect(open.ok && 'contentType' in open.input).toBe(false);
  });

  it('makes a POST for one key, or a PUT with a content type', () => {
    const exact = buildUploadInput(base({ target: 'object', key: 'private/inbox/T-1/logs.zip' }), where);
    expect(exact.ok && exact.input).toMatchObject({ method: 'post', target: { type: 'object', key: 'private/inbox/T-1/logs.zip' } });
    const put = buildUploadInput(base({ method: 'put', key: 'private/inbox/T-1/logs.zip', contentType: 'application/zip' }), where);
    expect(put.ok && put.input).toEqual({
      ...where,
      method: 'put',
      key: 'private/inbox/T-1/logs.zip',
      contentType: 'application/zip',
      anyContentType: false,
      expiresInSeconds: 86_400,
    });
  });

  it('puts each mistake beside its field', () => {
    const built = buildUploadInput(
      base({ prefix: 'private/inbox', contentType: 'application/zip', minAmount: '2', minUnit: 'MiB', maxAmount: '1', maxUnit: 'MiB' }),
      where,
    );
    expect(built.ok ? null : built.errors).toEqual({
      prefix: 'An upload folder ends with /, e.g. private/inbox/ticket-123/.',
      minBytes: 'The smallest size is larger than the largest size.',
    });
    const tooBig = buildUploadInput(base({ maxAmount: '6', maxUnit: 'GiB', anyContentType: true }), where);
    expect(tooBig.ok ? null : tooBig.errors.maxBytes).toBe('The largest size is at most 5 GiB, the largest single upload S3 accepts.');
    const folderKey = buildUploadInput(base({ method: 'put', key: 'private/inbox/' }), where);
    expect(folderKey.ok ? null : folderKey.errors.key).toContain('That is a folder');
  });
});

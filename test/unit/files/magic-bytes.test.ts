import { describe, expect, it } from 'vitest';
import { contentTypeFromName } from '../../../src/main/core/files/content-type';
import { sniffContentType } from '../../../src/main/core/files/magic-bytes';

const b = (...values: Array<number | string>) =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...Buffer.from(v, 'latin1')] : [v])));

describe('content type from the first bytes', () => {
  it.each([
    [b(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    [b(0x89, 'PNG\r\n', 0x1a, '\n', 0, 0), 'image/png'],
    [b('GIF89a', 1, 0), 'image/gif'],
    [b('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
    [b('RIFF', 0, 0, 0, 0, 'WAVEfmt '), 'audio/wav'],
    [b(0, 0, 0, 0x18, 'ftypmp42', 0, 0), 'video/mp4'],
    [b(0, 0, 0, 0x14, 'ftypqt  ', 0, 0), 'video/quicktime'],
    [b(0, 0, 0, 0x18, 'ftypheic', 0, 0), 'image/heic'],
    [b(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84, 'webm'), 'video/webm'],
    [b(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88, 'matroska'), 'video/x-matroska'],
    [b('ID3', 4, 0), 'audio/mpeg'],
    [b(0xff, 0xfb, 0x90, 0x64), 'audio/mpeg'],
    [b('%PDF-1.7'), 'application/pdf'],
    [b('OggS', 0), 'audio/ogg'],
    [b('fLaC', 0), 'audio/flac'],
    [b('PK', 3, 4), 'application/zip'],
    [b('hello, plain words\n'), 'text/plain; charset=utf-8'],
    [Uint8Array.from([...Buffer.from('日本語のテキスト')].slice(0, 10)), 'text/plain; charset=utf-8'],
  ])('%#: %s', (head, expected) => expect(sniffContentType(head)).toBe(expected));

  it('gives up on unknown binary and empty input', () => {
    expect(sniffContentType(b(0, 1, 2, 3, 0xfe))).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
  });

  it('uses the extension first, case-insensitively', () => {
    expect(contentTypeFromName('/a/B.JPG')).toBe('image/jpeg');
    expect(contentTypeFromName('clip.MOV')).toBe('video/quicktime');
    expect(contentTypeFromName('noext')).toBeUndefined();
    expect(contentTypeFromName('.bashrc')).toBeUndefined();
  });
});

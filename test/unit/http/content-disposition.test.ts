import { describe, expect, it } from 'vitest';
import { asciiFallback, contentDisposition } from '../../../src/shared/model/content-disposition';
import { downloadName } from '../../../src/shared/model/keys';

describe('Content-Disposition (RFC 6266 / 5987)', () => {
  it('keeps a plain ASCII name as one quoted filename', () => {
    expect(contentDisposition('attachment', 'report 2026.pdf')).toBe('attachment; filename="report 2026.pdf"');
    expect(contentDisposition('inline', 'photo.jpg')).toBe('inline; filename="photo.jpg"');
  });

  it('adds filename* with percent-encoded UTF-8 for non-ASCII names, and an ASCII fallback', () => {
    expect(contentDisposition('attachment', 'Résumé €.pdf')).toBe(
      `attachment; filename="R_sum_ _.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%82%AC.pdf`,
    );
    // Astral characters are one code point, so one underscore.
    expect(contentDisposition('attachment', '😀.txt')).toBe(`attachment; filename="_.txt"; filename*=UTF-8''%F0%9F%98%80.txt`);
  });

  it('never lets quotes, backslashes or percent signs break or change the header', () => {
    const value = contentDisposition('attachment', `a"b\\c%41'(x)*.txt`);
    expect(value).toBe(`attachment; filename="a_b_c_41'(x)*.txt"; filename*=UTF-8''a%22b%5Cc%2541%27%28x%29%2A.txt`);
    // RFC 5987 attr-chars only after UTF-8'' (no quote, paren or star left raw).
    expect(value.split("UTF-8''")[1]).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });

  it('falls back to "download" for names with nothing printable', () => {
    expect(asciiFallback('日本')).toBe('__');
    expect(asciiFallback('   ')).toBe('download');
    expect(downloadName('private/a/b/report.pdf')).toBe('report.pdf');
    expect(downloadName('top.txt')).toBe('top.txt');
  });

  it('names the object route’s file after the key, with the same bytes a share link gets', () => {
    // Moved from the object route's own builder: one builder now, so its bytes follow the rules above.
    expect(contentDisposition('attachment', downloadName('p/ü "x";.txt'))).toBe(
      `attachment; filename="_ _x_;.txt"; filename*=UTF-8''%C3%BC%20%22x%22%3B.txt`,
    );
    expect(contentDisposition('inline', downloadName("p/it's (1).jpg"))).toBe(`inline; filename="it's (1).jpg"`);
    expect(contentDisposition('inline', downloadName('p/\r\nx'))).toContain('filename="__x"');
    expect(contentDisposition('inline', downloadName('p/\r\nx'))).toContain("filename*=UTF-8''%0D%0Ax");
  });
});

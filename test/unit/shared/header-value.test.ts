import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../../src/shared/model/content-disposition';
import { describeCharacter, headerValueProblem, headerValueSchema } from '../../../src/shared/model/header-value';

describe('headerValueProblem', () => {
  it('passes printable ASCII with inner spaces', () => {
    expect(headerValueProblem('Cache-Control', 'public, max-age=86400')).toBeNull();
    expect(headerValueProblem('Cache-Control', '')).toBeNull();
    expect(headerValueProblem('X', '!"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~')).toBeNull();
  });

  it('names the first character it refuses, by name or as itself, with its code point', () => {
    expect(headerValueProblem('Cache-Control', 'max-age=60\nx')).toBe(
      'Cache-Control contains a line break (line feed) (U+000A); header values may only contain printable ASCII (letters, digits, punctuation and spaces). Remove it or write it in plain ASCII.',
    );
    expect(headerValueProblem('Content-Type', 'a\tb')).toMatch(/^Content-Type contains a tab character \(U\+0009\)/);
    expect(headerValueProblem('Content-Type', 'a\u007fb')).toMatch(/a delete character \(U\+007F\)/);
    expect(headerValueProblem('Content-Type', 'a\u0085b')).toMatch(/a control character \(U\+0085\)/);
    expect(headerValueProblem('Content-Type', 'a\u00a0b')).toMatch(/a no-break space \(U\+00A0\)/);
    expect(headerValueProblem('Content-Type', 'x😀')).toMatch(/“😀” \(U\+1F600\)/);
    expect(describeCharacter(0x01)).toBe('a control character (U+0001)');
  });

  it('refuses leading and trailing spaces', () => {
    expect(headerValueProblem('Cache-Control', ' no-cache')).toBe('Cache-Control starts or ends with a space; remove it.');
    expect(headerValueProblem('Cache-Control', 'no-cache ')).toBe('Cache-Control starts or ends with a space; remove it.');
  });

  it('backs a schema that trims first, then refuses with the field message', () => {
    const schema = headerValueSchema('Cache-Control', 10);
    expect(schema.parse('  no-cache ')).toBe('no-cache');
    expect(schema.safeParse('a\u0000b').error?.issues[0]?.message).toMatch(/^Cache-Control contains a NUL character/);
    expect(schema.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('Cache-Control is at most 10 characters.');
  });

  it('holds for the Content-Disposition main builds from any file name', () => {
    for (const name of ['Résumé €.pdf', 'a "quoted" \\ name%41.pdf', '日本.txt', 'plain.pdf', '😀']) {
      expect(headerValueProblem('Content-Disposition', contentDisposition('attachment', name)), name).toBeNull();
    }
  });
});

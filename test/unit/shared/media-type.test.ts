import { describe, expect, it } from 'vitest';
import { contentTypeSchema, mediaTypeProblem, parseMediaType } from '../../../src/shared/model/media-type';

describe('parseMediaType (RFC 9110 §8.3.1)', () => {
  it('reads ordinary types, lower-casing type, subtype and parameter names but not values', () => {
    expect(parseMediaType('text/plain; charset="utf-8"')).toEqual({
      type: 'text',
      subtype: 'plain',
      essence: 'text/plain',
      params: { charset: 'utf-8' },
    });
    expect(parseMediaType('image/svg+xml')).toEqual({ type: 'image', subtype: 'svg+xml', essence: 'image/svg+xml', params: {} });
    expect(parseMediaType('application/vnd.apple.mpegurl')?.essence).toBe('application/vnd.apple.mpegurl');
    expect(parseMediaType('Text/HTML;Charset=UTF-8')).toEqual({
      type: 'text',
      subtype: 'html',
      essence: 'text/html',
      params: { charset: 'UTF-8' },
    });
    expect(parseMediaType('video/mp4; codecs="avc1.42E01E, mp4a.40.2"')?.params).toEqual({ codecs: 'avc1.42E01E, mp4a.40.2' });
    expect(parseMediaType('text/plain;charset=utf-8;format=flowed')?.params).toEqual({ charset: 'utf-8', format: 'flowed' });
  });

  it('follows the grammar at the edges: OWS around ";", empty parameters, quoted pairs', () => {
    expect(parseMediaType('text/plain ; charset=utf-8')?.params).toEqual({ charset: 'utf-8' });
    expect(parseMediaType('text/plain;')?.params).toEqual({});
    expect(parseMediaType('text/plain; ;charset=utf-8')?.params).toEqual({ charset: 'utf-8' });
    expect(parseMediaType('text/plain; name="a \\"quoted\\" \\\\ name"')?.params).toEqual({ name: 'a "quoted" \\ name' });
    expect(parseMediaType('text/plain; __proto__=x')?.params).toEqual({ ['__proto__']: 'x' });
  });

  it('refuses lists, however they are disguised', () => {
    for (const hostile of [
      'application/pdf;x=,text/html',
      'application/pdf;,text/html',
      'application/pdf, text/html',
      'application/pdf,text/html;charset=utf-8',
    ]) {
      expect(parseMediaType(hostile), hostile).toBeNull();
    }
  });

  it('refuses what is not one token/token with token=value parameters', () => {
    for (const bad of [
      '',
      'pdf',
      '/pdf',
      'application/',
      'application/pdf/x',
      'app lication/pdf',
      'text/plain charset=utf-8',
      'text/plain; charset',
      'text/plain; charset=',
      'text/plain; =utf-8',
      'text/plain; charset="utf-8',
      'text/plain; charset="utf-8"x',
      'text/plain; charset=utf 8',
      'text/plain; charset=utf-8; Charset=latin1',
      'text/plain ',
      ' text/plain',
      'text/plain; a="\\é"',
      'text/plain; a="é"',
      'text/plain; a="\u0000"',
      'text/plain; a=(b)',
      'text/(plain)',
    ]) {
      expect(parseMediaType(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('the Content-Type schema', () => {
  const message = (value: string) => {
    const result = contentTypeSchema.safeParse(value);
    return result.success ? null : result.error.issues.map((i) => i.message);
  };

  it('takes one media type, trimmed', () => {
    expect(contentTypeSchema.parse('  text/plain; charset="utf-8" ')).toBe('text/plain; charset="utf-8"');
    expect(message('image/svg+xml')).toBeNull();
  });

  it('names the bad character of a quoted tab, é, NUL, vertical tab or snowman, once', () => {
    expect(message('text/plain; charset="a\tb"')).toEqual([
      'Content-Type contains a tab character (U+0009); header values may only contain printable ASCII (letters, digits, punctuation and spaces). Remove it or write it in plain ASCII.',
    ]);
    expect(message('text/plain; charset="é"')?.[0]).toMatch(
      /^Content-Type contains “é” \(U\+00E9\); header values may only contain printable ASCII/,
    );
    expect(message('text/plain; charset="a\u0000b"')?.[0]).toMatch(/contains a NUL character \(U\+0000\)/);
    expect(message('text/plain; charset="a\u000bb"')?.[0]).toMatch(/contains a vertical tab \(U\+000B\)/);
    expect(message('text/plain; charset="☃"')?.[0]).toMatch(/contains “☃” \(U\+2603\)/);
    expect(message('video/mp4\r\nx: y')?.[0]).toMatch(/contains a line break \(carriage return\) \(U\+000D\)/);
  });

  it('says "one type, not a list" for commas outside quotes', () => {
    expect(message('application/pdf, text/html')).toEqual([mediaTypeProblem('application/pdf, text/html')]);
    expect(mediaTypeProblem('application/pdf;x=,text/html')).toMatch(/^Give one content type, not a list/);
    expect(mediaTypeProblem('pdf')).toBe('A content type looks like application/pdf or text/plain; charset=utf-8.');
    expect(mediaTypeProblem('text/plain; a="b,c"')).toBeNull();
  });
});

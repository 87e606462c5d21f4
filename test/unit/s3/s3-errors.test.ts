import { describe, expect, it } from 'vitest';
import { toAppError } from '../../../src/main/core/s3/s3-errors';
import { keySigningRisk } from '../../../src/main/core/s3/signature-mismatch';

const mismatch = { name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } };

describe('a signature the server refused', () => {
  it('is a wrong secret when nothing in the request came from the user', () => {
    expect(toAppError(mismatch, { endpoint: 'http://s3.local' })).toMatchObject({
      code: 'WrongSecret',
      message: expect.stringMatching(/secret access key is wrong/) as string,
    });
    expect(toAppError(mismatch, { bucket: 'media', key: 'public/photos/IMG_0001.jpg' }).code).toBe('WrongSecret');
  });

  it('names the header values and the unusual key instead of blaming the secret', () => {
    const upload = toAppError(mismatch, {
      bucket: 'media',
      key: 'public/a.txt',
      headers: { 'Content-Type': 'text/plain; charset=x', 'Cache-Control': null },
    });
    expect(upload.code).toBe('SignatureRejected');
    expect(upload.message).toMatch(
      /^The server refused the request's signature\. The secret is probably not the cause: the request carried Content-Type “text\/plain; charset=x”,/,
    );
    expect(upload.message).not.toMatch(/Cache-Control/);
    expect(upload.message).toMatch(/Use Test connection: if it reports a wrong secret, re-enter the secret/);
    const odd = toAppError(mismatch, { bucket: 'media', key: 'dot/./seg.txt' });
    expect(odd).toMatchObject({
      code: 'SignatureRejected',
      message: expect.stringMatching(/the key “dot\/\.\/seg\.txt”, which has “\.” or “\.\.” path segments/) as string,
    });
  });

  it('judges keys by the characters AWS lists as safe', () => {
    expect(keySigningRisk("public/a-b_c.d!*'(1)/x.JPG")).toBeUndefined();
    expect(keySigningRisk('dotdot/../escape.txt')).toMatch(/path segments/);
    expect(keySigningRisk('private/Résumé.pdf')).toMatch(/outside the ones AWS lists as safe/);
    expect(keySigningRisk('a b+c.txt')).toMatch(/outside/);
  });
});

import { describe, expect, it } from 'vitest';
import { connectionDraftSchema, endpointProblem } from '../../../src/shared/model/connection';

describe('endpointProblem', () => {
  it('takes a server address: http(s), host, optional port and a bare /', () => {
    for (const ok of [
      'https://s3.example.com',
      'http://127.0.0.1:9000/',
      'https://[::1]:8443',
      'https://s3.eu-central-1.amazonaws.com',
      'https://bücher.example',
    ]) {
      expect(endpointProblem(ok), ok).toBeNull();
    }
  });

  it('refuses what the URL parser would quietly rewrite or what does not belong in an endpoint', () => {
    expect(endpointProblem('http://s3.exa\r\nmple.com')).toMatch(/contains a line break \(carriage return\) \(U\+000D\)/);
    expect(endpointProblem('http://s3.example.com\u0000')).toMatch(/a NUL character/);
    expect(endpointProblem('http://s3.example.com\u00a0')).toMatch(/a no-break space/);
    expect(endpointProblem('https:\\\\s3.example.com')).toMatch(/a backslash/);
    expect(endpointProblem('https://u:p@s3.example.com')).toMatch(/user name or password/);
    expect(endpointProblem('https://s3.example.com/media')).toMatch(/no path/);
    expect(endpointProblem('https://s3.example.com?')).toMatch(/no path/);
    expect(endpointProblem('file:///etc/passwd')).toMatch(/http:\/\/ or https:\/\//);
    expect(endpointProblem('s3.example.com')).toMatch(/must be a URL/);
  });

  it('is what the connection draft checks, after trimming', () => {
    const draft = { name: 'C', credentials: { kind: 'profile', profile: 'default' } } as const;
    expect(connectionDraftSchema.parse({ ...draft, endpoint: ' https://s3.example.com ' }).endpoint).toBe('https://s3.example.com');
    expect(connectionDraftSchema.safeParse({ ...draft, endpoint: 'https://s3.example.com/x' }).error?.issues[0]?.path).toEqual([
      'endpoint',
    ]);
  });
});

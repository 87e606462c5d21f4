import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { escapeHtml, postCurl, putCurl, shellQuote, uploadFormHtml } from '../../../src/main/core/share/upload-snippets';

/** What a POSIX shell makes of the words: each printed NUL-terminated (words may hold newlines). */
function shellWords(command: string): string[] {
  return execFileSync('sh', ['-c', `for w in ${command}; do printf '%s\\0' "$w"; done`], { encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);
}

describe('shellQuote', () => {
  const hostile = [
    "it's",
    'a b',
    '$(touch /tmp/pwned)',
    '`id`',
    'x;rm -rf ~',
    'line\nbreak',
    '*',
    '~',
    '=zsh',
    '%1',
    'key=private/in/${filename}',
    'eyJ0ZXN0IjoiJyJ9+/=',
    'https://h/b/k?X-Amz-Signature=abc&x-id=PutObject',
    '',
  ];
  it.each(hostile)('the shell reads %j back unchanged', (value) => {
    expect(shellWords(shellQuote(value))).toEqual([value]);
  });

  it('leaves plain words readable', () => {
    expect(shellQuote('success_action_status=201')).toBe('success_action_status=201');
    expect(shellQuote('a b')).toBe("'a b'");
  });
});

describe('curl commands', () => {
  const fields = { key: 'private/in/${filename}', Policy: 'eyJ4Ijoi', 'X-Amz-Signature': 'f00' };

  it('POST: every field verbatim with --form-string, the file last, the URL quoted', () => {
    const cmd = postCurl('http://127.0.0.1:8000/bucket', fields);
    expect(cmd).toBe(
      [
        'curl --fail-with-body -sS',
        "--form-string 'key=private/in/${filename}'",
        '--form-string Policy=eyJ4Ijoi',
        '--form-string X-Amz-Signature=f00',
        "-F 'file=@/path/to/your-file'",
        'http://127.0.0.1:8000/bucket',
      ].join(' \\\n  '),
    );
  });

  it('PUT: signed headers exactly, then the file', () => {
    const url = 'http://h/b/k?X-Amz-Signature=s&x-id=PutObject';
    expect(putCurl(url, { 'Content-Type': 'image/png' })).toBe(
      `curl --fail-with-body -sS \\\n  -H 'Content-Type: image/png' \\\n  --upload-file '/path/to/your-file' \\\n  '${url}'`,
    );
  });
});

describe('HTML form', () => {
  it('escapes every value and stays self-contained', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
    const html = uploadFormHtml({
      url: 'http://h/b?a=1&b=2',
      fields: { key: 'private/"><script>alert(1)</script>/${filename}', Policy: 'p' },
      maxBytes: 10 * 1024 * 1024,
      expiresAt: new Date('2026-03-01T11:00:00Z'),
      contentType: 'image/png',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('action="http://h/b?a=1&#38;b=2"');
    expect(html).toContain('name="key" value="private/&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;/${filename}"');
    expect(html).toContain('<input type="file" name="file" required accept="image/png">');
    expect(html).toContain('Files up to 10 MiB. This form works until 2026-03-01 11:00:00 UTC.');
    expect(html).not.toMatch(/src=|href=|<link|<style/);
    // The file input comes after every field: S3 ignores fields that follow the file.
    expect(html.indexOf('type="file"')).toBeGreaterThan(html.indexOf('name="Policy"'));
  });
});

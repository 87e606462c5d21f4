import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock('electron', () => ({ shell: { openExternal } }));

const { isSafeExternalUrl, safeOpenExternal } = await import('../../src/main/electron/safe-open-external');

describe('isSafeExternalUrl', () => {
  it.each(['https://aws.amazon.com/s3/', 'http://example.com', 'HTTPS://Example.com/a?b=c#d'])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://bundle/index.html',
    'smb://server/share',
    'ms-settings:privacy',
    'vscode://file/x',
    'data:text/html,<script>1</script>',
    'https://user:pass@example.com',
    'https://bank.example@evil.example',
    'not a url',
    '',
    `https://example.com/${'a'.repeat(9000)}`,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl({ toString: () => 'https://example.com' })).toBe(false);
  });
});

describe('safeOpenExternal', () => {
  beforeEach(() => openExternal.mockClear());

  it('hands web links to the OS', async () => {
    await expect(safeOpenExternal('https://example.com/a b')).resolves.toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/a%20b');
  });

  it('never hands other schemes to the OS', async () => {
    await expect(safeOpenExternal('file:///C:/Windows/System32/calc.exe')).resolves.toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });
});

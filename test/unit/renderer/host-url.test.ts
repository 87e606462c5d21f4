import { describe, expect, it } from 'vitest';
import { addressWithoutToken, browserHostSocketUrl } from '../../../src/renderer/api/host-url';

describe('browserHostSocketUrl', () => {
  it('points at /ws on the same host and carries the token', () => {
    expect(browserHostSocketUrl('http://127.0.0.1:5123/?token=abc_-1')).toBe('ws://127.0.0.1:5123/ws?token=abc_-1');
  });

  it('leaves the token out when the page address has none (the cookie authorises then)', () => {
    expect(browserHostSocketUrl('http://127.0.0.1:5123/some/route#x')).toBe('ws://127.0.0.1:5123/ws');
  });
});

describe('addressWithoutToken', () => {
  it('removes only the token', () => {
    expect(addressWithoutToken('http://127.0.0.1:5123/?token=abc&x=1')).toBe('http://127.0.0.1:5123/?x=1');
    expect(addressWithoutToken('http://127.0.0.1:5123/')).toBeNull();
  });
});

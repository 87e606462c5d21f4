import { describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => ({
  app: { on: vi.fn<(event: string, handler: Handler) => void>() },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
}));
vi.mock('electron', () => electron);

const { applySecurityRestrictions, isPermissionAllowed } = await import('../../src/main/electron/security-restrictions');

const origin = 'app://bundle';

/** A fake webContents that records the listeners the policy installs. */
function fakeContents() {
  const on = new Map<string, Handler>();
  const session = {
    request: undefined as Handler | undefined,
    check: undefined as Handler | undefined,
    setPermissionRequestHandler(h: Handler) {
      this.request = h;
    },
    setPermissionCheckHandler(h: Handler) {
      this.check = h;
    },
  };
  let openHandler: Handler | undefined;
  const contents = {
    on: (event: string, handler: Handler) => on.set(event, handler),
    setWindowOpenHandler: (h: Handler) => {
      openHandler = h;
    },
    session,
  };
  return { contents, on, session, open: (url: string) => openHandler?.({ url }) };
}

function install() {
  electron.app.on.mockClear();
  electron.shell.openExternal.mockClear();
  applySecurityRestrictions(origin, () => {});
  const [event, handler] = electron.app.on.mock.calls[0] ?? [];
  expect(event).toBe('web-contents-created');
  const fake = fakeContents();
  handler?.({}, fake.contents);
  return fake;
}

const navEvent = () => ({ preventDefault: vi.fn() });

describe('applySecurityRestrictions', () => {
  it('allows navigation within our origin only', () => {
    const { on } = install();
    const inside = navEvent();
    on.get('will-navigate')?.(inside, `${origin}/index.html#x`);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/']) {
      const outside = navEvent();
      on.get('will-navigate')?.(outside, url);
      expect(outside.preventDefault).toHaveBeenCalled();
    }
  });

  it('sends an outside web link to the browser instead of navigating', () => {
    const { on } = install();
    on.get('will-navigate')?.(navEvent(), 'https://docs.aws.amazon.com/');
    on.get('will-navigate')?.(navEvent(), 'file:///etc/passwd');
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://docs.aws.amazon.com/');
  });

  it('blocks redirects away from our origin', () => {
    const { on } = install();
    const event = navEvent();
    on.get('will-redirect')?.(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, opening only http(s) externally', () => {
    const fake = install();
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(fake.open(`${origin}/index.html`)).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks webviews', () => {
    const { on } = install();
    const event = navEvent();
    on.get('will-attach-webview')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies all permissions except sanitised clipboard writes', () => {
    const { session } = install();
    const callback = vi.fn();
    session.request?.({}, 'media', callback);
    session.request?.({}, 'clipboard-sanitized-write', callback);
    expect(callback.mock.calls).toEqual([[false], [true]]);
    expect(session.check?.({}, 'geolocation')).toBe(false);
    expect(session.check?.({}, 'clipboard-read')).toBe(false);
    expect(isPermissionAllowed('notifications')).toBe(false);
  });
});

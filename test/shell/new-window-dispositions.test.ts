import { describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => ({
  app: { on: vi.fn<(event: string, handler: Handler) => void>() },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
}));
vi.mock('electron', () => electron);

const { applySecurityRestrictions } = await import('../../src/main/electron/security-restrictions');

/** The window-open handler the policy installs on a new webContents. */
function installedOpenHandler(): Handler {
  electron.app.on.mockClear();
  electron.shell.openExternal.mockClear();
  applySecurityRestrictions('app://bundle', () => {});
  const created = electron.app.on.mock.calls.find(([event]) => event === 'web-contents-created')?.[1];
  let openHandler: Handler | undefined;
  const session = { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined };
  created?.({}, { on: () => undefined, setWindowOpenHandler: (h: Handler) => (openHandler = h), session });
  if (!openHandler) throw new Error('no window-open handler installed');
  return openHandler;
}

// Middle-click (auxclick) on a link, Ctrl/Cmd-click and Shift-click reach Electron as window-open
// requests with these dispositions; Electronegativity's AUXCLICK check is excepted on the strength
// of this test (see resources/electronegativity-exceptions.json).
const dispositions = ['background-tab', 'foreground-tab', 'new-window', 'default', 'other'];

describe('links opened with the middle button or a modifier', () => {
  it.each(dispositions)('never open an app window (%s)', (disposition) => {
    const open = installedOpenHandler();
    for (const url of ['app://bundle/index.html', 'app://preview/x', 'file:///etc/passwd', 'javascript:alert(1)', 'https://example.com/']) {
      expect(open({ url, disposition, frameName: '', features: '', referrer: { url: '', policy: 'default' } })).toEqual({ action: 'deny' });
    }
  });

  it('hand only the web link to the browser, once', () => {
    const open = installedOpenHandler();
    open({ url: 'app://bundle/index.html', disposition: 'background-tab' });
    open({ url: 'file:///etc/passwd', disposition: 'background-tab' });
    open({ url: 'https://docs.aws.amazon.com/s3/', disposition: 'background-tab' });
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://docs.aws.amazon.com/s3/']]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { secureWebPreferences } from '../../src/main/electron/web-preferences';
import type { WindowRegistry } from '../../src/main/electron/window-registry';

/** Each BrowserWindow the factory constructs, with the options it passed and the order of calls. */
const created = vi.hoisted(() => [] as Array<{ options: Record<string, unknown>; calls: string[] }>);

vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly calls: string[] = [];
    readonly webContents = { on: () => undefined, id: 1 };
    constructor(options: Record<string, unknown>) {
      created.push({ options, calls: this.calls });
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.calls.push(`load ${url}`);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow } = await import('../../src/main/electron/window-factory');

function open(devTools: boolean) {
  created.length = 0;
  const registry = { track: vi.fn(() => created[0]?.calls.push('track')), has: () => true, all: () => [] } as unknown as WindowRegistry;
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const placement = { bounds: { x: 40, y: 30, width: 1200, height: 700 }, maximized: false };
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', url: 'app://bundle/index.html', registry, devTools, logger, placement });
  const window = created[0];
  if (!window) throw new Error('createMainWindow constructed no BrowserWindow');
  return window;
}

// Electronegativity flags `new BrowserWindow` here because it cannot see through the
// secureWebPreferences() call; these assertions are the evidence its exceptions cite.
describe('createMainWindow', () => {
  it('gives the window exactly the secure preferences: sandbox, context isolation, no Node', () => {
    const { options } = open(false);
    expect(options.webPreferences).toStrictEqual(secureWebPreferences('/app/out/preload/index.cjs', { devTools: false }));
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('turns DevTools on only when asked', () => {
    expect(open(true).options.webPreferences).toMatchObject({ devTools: true, sandbox: true });
  });

  it('opens at the placement it is given, never below the minimum size', () => {
    expect(open(false).options).toMatchObject({ x: 40, y: 30, width: 1200, height: 700, minWidth: 900, minHeight: 560 });
  });

  it('trusts the page before loading it, so its first IPC call is already accepted', () => {
    expect(open(false).calls).toEqual(['track', 'load app://bundle/index.html']);
  });
});

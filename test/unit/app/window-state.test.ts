import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WindowStateStore } from '../../../src/main/core/app/window-state-store';
import { defaultWindowSize, parseWindowState, placeWindow, type Rect } from '../../../src/main/core/app/window-state';
import { silentLogger } from '../../../src/main/core/logger';
import { openStateDatabase } from '../../../src/main/core/store/state-file';
import { useTempStore } from '../store/temp-dir';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };
const saved = (bounds: Rect, maximized = false) => ({ bounds, maximized });

describe('placeWindow', () => {
  it('opens centred at the default size the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({
      bounds: { x: 80, y: 38, width: defaultWindowSize.width, height: defaultWindowSize.height },
      maximized: false,
    });
  });

  it('keeps a saved place that is on a display, on any display', () => {
    const there = saved({ x: 1600, y: 100, width: 1400, height: 900 }, true);
    expect(placeWindow(there, [laptop, rightMonitor])).toEqual(there);
  });

  it('brings a window back from a monitor that is gone, centred on the primary, keeping maximized', () => {
    const there = saved({ x: 1600, y: 100, width: 1200, height: 700 }, true);
    expect(placeWindow(there, [laptop])).toEqual({ bounds: { x: 120, y: 88, width: 1200, height: 700 }, maximized: true });
  });

  it('shrinks a window larger than its display and pulls it inside', () => {
    const big = saved({ x: 1300, y: -10, width: 3000, height: 2000 });
    expect(placeWindow(big, [laptop])).toEqual({ bounds: { x: 0, y: 0, width: 1440, height: 875 }, maximized: false });
  });

  it('treats a title bar that is only a sliver on screen as off screen', () => {
    const sliver = saved({ x: 1420, y: 10, width: 1000, height: 600 });
    expect(placeWindow(sliver, [laptop]).bounds.x).toBe(220);
  });

  it('refuses stored values of the wrong shape', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 0, height: 5 }, maximized: false })).toBeNull();
    expect(parseWindowState({ bounds: { x: 1.5, y: 2, width: 10, height: 5 }, maximized: false })).toBeNull();
    expect(parseWindowState('big')).toBeNull();
  });
});

describe('WindowStateStore', () => {
  const store = useTempStore();
  const open = (dataDir: string) => store.track(openStateDatabase({ dataDir, logger: silentLogger, onRecovered: () => undefined }));

  it('remembers the state across reopening state.sqlite, in app_settings under window.state', () => {
    const dataDir = path.dirname(store.file());
    const first = open(dataDir);
    expect(new WindowStateStore(first).load()).toBeNull();
    const state = saved({ x: 10, y: 20, width: 1000, height: 700 }, true);
    new WindowStateStore(first).save(state);
    first.close();
    const second = open(dataDir);
    expect(new WindowStateStore(second).load()).toEqual(state);
    const row = second.prepare("SELECT value_json FROM app_settings WHERE key = 'window.state'").pluck().get();
    expect(JSON.parse(String(row))).toEqual(state);
  });

  it('reads a damaged row as nothing saved', () => {
    const db = open(path.dirname(store.file()));
    db.prepare("INSERT INTO app_settings VALUES ('window.state', '{not json')").run();
    expect(new WindowStateStore(db).load()).toBeNull();
  });
});

import { z } from 'zod';

/**
 * Where the main window was, remembered across launches (`app_settings` key `window.state`).
 * Pure decisions only: the shell reads the displays and the window, this module says where the
 * window may go, so a monitor unplugged since the last run never leaves the window off screen.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The normal (not maximized) bounds. */
  bounds: Rect;
  maximized: boolean;
}

export const windowStateKey = 'window.state';
export const defaultWindowSize = { width: 1280, height: 800 } as const;
export const minWindowSize = { width: 900, height: 560 } as const;
/** How much of the title bar must be on a display for the saved place to be kept. */
const minVisible = 64;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
});

/** A stored value, or null when it is missing or was written by something else (never throws). */
export function parseWindowState(value: unknown): WindowState | null {
  const parsed = stateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Centred on the work area, at the default size or smaller if the display is smaller. */
function centred(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return { x: area.x + Math.round((area.width - w) / 2), y: area.y + Math.round((area.height - h) / 2), width: w, height: h };
}

/**
 * Where to open the window, given the saved state and the displays' work areas now (the primary
 * first). The saved bounds are kept when their title bar is on some display, shrunk to fit it;
 * otherwise the window opens centred on the primary display at its saved (or default) size.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...defaultWindowSize };
  if (!saved) return { bounds: centred(primary, defaultWindowSize.width, defaultWindowSize.height), maximized: false };
  const { bounds } = saved;
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, 32) };
  const home = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(minVisible, bounds.width) && o.height > 0;
  });
  if (!home) return { bounds: centred(primary, bounds.width, bounds.height), maximized: saved.maximized };
  const width = Math.max(Math.min(bounds.width, home.width), Math.min(minWindowSize.width, home.width));
  const height = Math.max(Math.min(bounds.height, home.height), Math.min(minWindowSize.height, home.height));
  // Pull it back inside the display it is mostly on, keeping its size.
  const x = Math.min(Math.max(bounds.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(bounds.y, home.y), home.y + home.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

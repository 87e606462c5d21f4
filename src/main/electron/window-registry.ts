/**
 * The webContents of windows this app created. IPC trusts only these, and push events go only
 * to these, so a stray devtools, webview or foreign window can neither call nor listen.
 */

/** The part of a frame the shell inspects (structural, so tests need no Electron). */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/** The part of Electron's `WebContents` the registry uses. */
export interface TrackedContents {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** Our windows' webContents, by id. */
export interface WindowRegistry {
  /** Remembers contents until it is destroyed. */
  track(contents: TrackedContents): void;
  has(id: number): boolean;
  /** Live contents, for broadcasting events. */
  all(): TrackedContents[];
}

/** Creates an empty registry; the window factory fills it. */
export function createWindowRegistry(): WindowRegistry {
  const byId = new Map<number, TrackedContents>();
  return {
    track(contents) {
      byId.set(contents.id, contents);
      contents.once('destroyed', () => byId.delete(contents.id));
    },
    has: (id) => byId.has(id),
    all: () => [...byId.values()].filter((c) => !c.isDestroyed()),
  };
}

import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { CommandId } from '../../../shared/commands/command-table';

/**
 * Which feature runs each table command right now. Features register while they are on screen
 * (`useCommandHandler`); the keyboard, the palette, the context menus and the menu's
 * `app:command` all dispatch by id through here. A command with no handler is disabled.
 */
/** Where a run came from: the user's own key, click or palette, or a push (`app:command`, no click behind it). */
export type CommandOrigin = 'user' | 'push';

export interface CommandHandler {
  run: (origin: CommandOrigin) => void;
  /** Why it cannot run now (e.g. "Select a file first."), or null when it can. */
  disabledReason?: () => string | null;
}

const handlers = new Map<CommandId, CommandHandler[]>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/** Registers a handler; the latest registration wins until it leaves. Returns the unregister. */
export function registerCommand(id: CommandId, handler: CommandHandler): () => void {
  const list = handlers.get(id) ?? [];
  list.push(handler);
  handlers.set(id, list);
  changed();
  return () => {
    const at = list.indexOf(handler);
    if (at >= 0) list.splice(at, 1);
    changed();
  };
}

function current(id: CommandId): CommandHandler | undefined {
  return handlers.get(id)?.at(-1);
}

/** Null when the command can run; otherwise why not, in words for the palette and menus. */
export function commandDisabledReason(id: CommandId): string | null {
  const handler = current(id);
  if (!handler) return 'Not available here.';
  return handler.disabledReason?.() ?? null;
}

/** Runs a command by id; false when it has no handler or is disabled now. */
export function dispatchCommand(id: CommandId, origin: CommandOrigin = 'user'): boolean {
  const handler = current(id);
  if (!handler || (handler.disabledReason?.() ?? null) !== null) return false;
  handler.run(origin);
  return true;
}

/** Re-renders when handlers come and go (the palette's enabled states). */
export function useCommandRegistryVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
}

/**
 * Registers `run` for a command while the component is mounted. The latest `run` and
 * `disabledReason` are always used, so callers need not memoize them.
 */
export function useCommandHandler(id: CommandId, run: (origin: CommandOrigin) => void, disabledReason?: () => string | null): void {
  const latest = useRef({ run, disabledReason });
  useEffect(() => {
    latest.current = { run, disabledReason };
  });
  useEffect(
    () =>
      registerCommand(id, {
        run: (origin) => latest.current.run(origin),
        disabledReason: () => latest.current.disabledReason?.() ?? null,
      }),
    [id],
  );
}

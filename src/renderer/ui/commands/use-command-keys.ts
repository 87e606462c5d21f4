import { useEffect, useMemo } from 'react';
import { api } from '../../api/client';
import { commandBindings, commandForKey } from './command-keys';
import type { CommandId } from '../../../shared/commands/command-table';
import { commandDisabledReason, dispatchCommand } from './command-registry';

/** True while the user types: inputs, text areas, selects and editable content. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/** True while a modal dialog or a menu has the keyboard: only palette-like commands get through. */
function inOverlay(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}

/**
 * The app's one dispatcher of table shortcuts and of the menu's `app:command` push event (from
 * Electron's menu, or the browser host). A key the focused control already handled
 * (defaultPrevented, e.g. the listing's own Delete) is not run twice. A menu command that cannot
 * run now goes to `onRefused` with the reason, so a click on it is never silently dropped (a
 * disabled key press stays quiet: keys are pressed in passing, menu items are chosen).
 */
export function useCommandKeys(platform: string, onRefused?: (id: CommandId, reason: string) => void): void {
  const bindings = useMemo(() => commandBindings(platform), [platform]);
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.isComposing) return;
      const typing = isTextField(e.target) || inOverlay(e.target);
      const id = commandForKey(bindings, e, typing);
      if (id === null) return;
      // Claimed even when disabled: Ctrl/Cmd+R must never reload the page and lose its state.
      e.preventDefault();
      dispatchCommand(id);
    }
    window.addEventListener('keydown', onKeyDown);
    const stop = api.events.appCommand(({ id }) => {
      if (!dispatchCommand(id, 'push')) onRefused?.(id, commandDisabledReason(id) ?? 'Not available here.');
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stop();
    };
  }, [bindings, onRefused]);
}

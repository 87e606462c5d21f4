import { useCallback, useEffect, useState } from 'react';
import { emptyHistory, goBack, goForward, visit, type NavHistory, type Place } from './nav-history';

/** Where we are, plus the row to select on arrival (the folder we just came up out of). */
interface NavState {
  history: NavHistory;
  reveal: string | null;
}

/** The child folder of `to` on the way to `from` ("a/" from "a/b/c/" → "a/b/"), if `to` is above `from`. */
export function childOnPath(from: Place | null, to: Place): string | null {
  if (!from || from.bucket !== to.bucket || from.prefix === to.prefix || !from.prefix.startsWith(to.prefix)) return null;
  const rest = from.prefix.slice(to.prefix.length);
  const cut = rest.indexOf('/');
  return cut < 0 ? null : to.prefix + rest.slice(0, cut + 1);
}

function inOverlay(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"], [role="menu"], input, textarea') !== null;
}

/**
 * Back/forward navigation between folders: buttons, Alt+Left/Right and the mouse's back and
 * forward buttons. The browser's own history is never used, so "back" cannot leave the app.
 */
export function useNavigation() {
  const [state, setState] = useState<NavState>({ history: emptyHistory, reveal: null });
  const move = useCallback((step: (h: NavHistory) => NavHistory) => {
    setState((prev) => {
      const history = step(prev.history);
      return history === prev.history
        ? prev
        : { history, reveal: history.current ? childOnPath(prev.history.current, history.current) : null };
    });
  }, []);
  const go = useCallback((place: Place) => move((h) => visit(h, place)), [move]);
  const back = useCallback(() => move(goBack), [move]);
  const forward = useCallback(() => move(goForward), [move]);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (!e.altKey || e.ctrlKey || e.metaKey || inOverlay(e.target)) return;
      if (e.key === 'ArrowLeft') back();
      else if (e.key === 'ArrowRight') forward();
      else return;
      e.preventDefault();
    }
    // Buttons 3 and 4 are the mouse's back and forward; on mouseup so Chromium's own history
    // navigation (which would reload the app) is cancelled too.
    function onMouseUp(e: MouseEvent) {
      if (e.button !== 3 && e.button !== 4) return;
      e.preventDefault();
      if (!inOverlay(e.target)) (e.button === 3 ? back : forward)();
    }
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, [back, forward]);

  return {
    place: state.history.current,
    reveal: state.reveal,
    go,
    back,
    forward,
    canBack: state.history.back.length > 0,
    canForward: state.history.forward.length > 0,
  };
}

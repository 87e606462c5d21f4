/** A place in the bucket browser: which bucket is open, and which folder in it. */
export interface Place {
  bucket: string;
  prefix: string;
}

/** Back/forward like a file manager: visiting a new place drops the forward list. */
export interface NavHistory {
  back: readonly Place[];
  current: Place | null;
  forward: readonly Place[];
}

export const emptyHistory: NavHistory = { back: [], current: null, forward: [] };

const maxEntries = 200;

function samePlace(a: Place | null, b: Place | null): boolean {
  return a !== null && b !== null && a.bucket === b.bucket && a.prefix === b.prefix;
}

/** Goes somewhere new (a click, a breadcrumb, Backspace); going where we are changes nothing. */
export function visit(history: NavHistory, place: Place): NavHistory {
  if (samePlace(history.current, place)) return history;
  const back = history.current ? [...history.back, history.current].slice(-maxEntries) : history.back;
  return { back, current: place, forward: [] };
}

export function goBack(history: NavHistory): NavHistory {
  const previous = history.back.at(-1);
  if (!previous) return history;
  return {
    back: history.back.slice(0, -1),
    current: previous,
    forward: history.current ? [history.current, ...history.forward] : history.forward,
  };
}

export function goForward(history: NavHistory): NavHistory {
  const next = history.forward[0];
  if (!next) return history;
  return {
    back: history.current ? [...history.back, history.current] : history.back,
    current: next,
    forward: history.forward.slice(1),
  };
}

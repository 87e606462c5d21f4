/**
 * Which rows are selected, where a Shift range starts (anchor) and which row has the keyboard
 * focus ring. Keys, not indexes: sorting and filtering reorder rows but keep the selection.
 */
export interface SelectionState {
  selected: ReadonlySet<string>;
  anchor: string | null;
  focus: string | null;
}

export const emptySelection: SelectionState = { selected: new Set(), anchor: null, focus: null };

/** The rows in view, in view order, with a lookup from key to position. */
export interface ViewKeys {
  keys: readonly string[];
  indexOf: ReadonlyMap<string, number>;
}

/**
 * The view lookup, built on first use (O(n)) and then kept: while a big folder streams in, a new
 * view arrives with every page, and most of them are never asked for a position.
 */
export function viewKeys(keys: readonly string[]): ViewKeys {
  let indexOf: Map<string, number> | undefined;
  return {
    keys,
    get indexOf() {
      if (!indexOf) {
        indexOf = new Map();
        keys.forEach((key, index) => indexOf?.set(key, index));
      }
      return indexOf;
    },
  };
}

export interface Modifiers {
  /** Shift: extend a range from the anchor. */
  range: boolean;
  /** Ctrl/Cmd: toggle one row (click), or move the focus alone (arrow keys). */
  toggle: boolean;
}

function rangeKeys(view: ViewKeys, from: string | null, to: string): string[] {
  const end = view.indexOf.get(to);
  if (end === undefined) return [];
  const start = (from !== null ? view.indexOf.get(from) : undefined) ?? end;
  const [lo, hi] = start <= end ? [start, end] : [end, start];
  return view.keys.slice(lo, hi + 1);
}

/** A mouse click on a row: select it; Ctrl/Cmd toggles it; Shift selects the range from the anchor. */
export function clickRow(state: SelectionState, view: ViewKeys, key: string, mods: Modifiers): SelectionState {
  if (mods.range) {
    const range = rangeKeys(view, state.anchor, key);
    const selected = mods.toggle ? new Set([...state.selected, ...range]) : new Set(range);
    return { selected, anchor: state.anchor ?? key, focus: key };
  }
  if (mods.toggle) {
    const selected = new Set(state.selected);
    if (selected.has(key)) selected.delete(key);
    else selected.add(key);
    return { selected, anchor: key, focus: key };
  }
  return { selected: new Set([key]), anchor: key, focus: key };
}

/**
 * Moves the keyboard focus to row `index` (clamped): alone it selects that row; with Shift it
 * extends the range from the anchor; with Ctrl/Cmd only the focus moves (Space then toggles).
 */
export function moveFocus(state: SelectionState, view: ViewKeys, index: number, mods: Modifiers): SelectionState {
  if (view.keys.length === 0) return state;
  const clamped = Math.max(0, Math.min(view.keys.length - 1, index));
  const key = view.keys[clamped] as string;
  if (mods.range) {
    const anchor = state.anchor ?? state.focus ?? key;
    return { selected: new Set(rangeKeys(view, anchor, key)), anchor, focus: key };
  }
  if (mods.toggle) return { ...state, focus: key };
  return { selected: new Set([key]), anchor: key, focus: key };
}

/** Space with Ctrl/Cmd: flip the focused row in or out of the selection. */
export function toggleFocused(state: SelectionState): SelectionState {
  if (state.focus === null) return state;
  return clickRow(state, viewKeys([]), state.focus, { range: false, toggle: true });
}

/** Ctrl/Cmd+A. */
export function selectAll(state: SelectionState, view: ViewKeys): SelectionState {
  return { selected: new Set(view.keys), anchor: view.keys[0] ?? null, focus: state.focus ?? view.keys[0] ?? null };
}

/** Right-clicking outside the selection selects that row first, as file managers do. */
export function ensureSelected(state: SelectionState, key: string): SelectionState {
  if (state.selected.has(key)) return { ...state, focus: key };
  return { selected: new Set([key]), anchor: key, focus: key };
}

/**
 * The selection limited to rows in view (after a filter, or rows that went away on refresh):
 * actions must never touch something the user cannot see. Returns `state` itself when nothing
 * changed, so React can skip the update.
 */
export function pruneToView(state: SelectionState, view: ViewKeys): SelectionState {
  if (state.selected.size === 0 && state.focus === null && state.anchor === null) return state;
  let changed = false;
  const selected = new Set<string>();
  for (const key of state.selected) {
    if (view.indexOf.has(key)) selected.add(key);
    else changed = true;
  }
  const focus = state.focus !== null && view.indexOf.has(state.focus) ? state.focus : null;
  const anchor = state.anchor !== null && view.indexOf.has(state.anchor) ? state.anchor : null;
  if (!changed && focus === state.focus && anchor === state.anchor) return state;
  return { selected, anchor, focus };
}

/** The selected keys in view order (what actions receive). */
export function selectedInOrder(state: SelectionState, view: ViewKeys): string[] {
  if (state.selected.size === 0) return [];
  if (state.selected.size < 64) {
    return [...state.selected].filter((k) => view.indexOf.has(k)).sort((a, b) => (view.indexOf.get(a) ?? 0) - (view.indexOf.get(b) ?? 0));
  }
  return view.keys.filter((k) => state.selected.has(k));
}

import { describe, expect, it } from 'vitest';
import {
  clickRow,
  emptySelection,
  ensureSelected,
  moveFocus,
  pruneToView,
  selectAll,
  selectedInOrder,
  toggleFocused,
  viewKeys,
} from '../../../src/renderer/features/browser/selection-model';

const view = viewKeys(['a', 'b', 'c', 'd', 'e']);
const none = { range: false, toggle: false };
const shift = { range: true, toggle: false };
const ctrl = { range: false, toggle: true };
const sel = (s: { selected: ReadonlySet<string> }) => [...s.selected].sort();

describe('selection model', () => {
  it('a click selects one row; Ctrl toggles; Shift selects the range from the anchor', () => {
    let s = clickRow(emptySelection, view, 'b', none);
    expect(sel(s)).toEqual(['b']);
    s = clickRow(s, view, 'd', shift);
    expect(sel(s)).toEqual(['b', 'c', 'd']);
    s = clickRow(s, view, 'a', shift);
    expect(sel(s)).toEqual(['a', 'b']);
    s = clickRow(s, view, 'e', ctrl);
    expect(sel(s)).toEqual(['a', 'b', 'e']);
    s = clickRow(s, view, 'a', ctrl);
    expect(sel(s)).toEqual(['b', 'e']);
    expect(s.anchor).toBe('a');
  });

  it('Ctrl+Shift adds a range to the selection', () => {
    let s = clickRow(emptySelection, view, 'a', none);
    s = clickRow(s, view, 'd', ctrl);
    s = clickRow(s, view, 'e', { range: true, toggle: true });
    expect(sel(s)).toEqual(['a', 'd', 'e']);
  });

  it('arrow keys move and select; Shift extends; Ctrl moves the focus only', () => {
    let s = moveFocus(emptySelection, view, 0, none);
    expect(sel(s)).toEqual(['a']);
    s = moveFocus(s, view, 2, shift);
    expect(sel(s)).toEqual(['a', 'b', 'c']);
    s = moveFocus(s, view, 4, ctrl);
    expect(s.focus).toBe('e');
    expect(sel(s)).toEqual(['a', 'b', 'c']);
    s = toggleFocused(s);
    expect(sel(s)).toEqual(['a', 'b', 'c', 'e']);
    s = moveFocus(s, view, 99, none);
    expect(s.focus).toBe('e');
    expect(sel(s)).toEqual(['e']);
  });

  it('select all, and right-click keeps or replaces the selection', () => {
    const all = selectAll(emptySelection, view);
    expect(all.selected.size).toBe(5);
    expect(ensureSelected(all, 'c').selected.size).toBe(5);
    expect(sel(ensureSelected(clickRow(emptySelection, view, 'a', none), 'c'))).toEqual(['c']);
  });

  it('drops what is no longer in view, and keeps the same object when nothing changed', () => {
    const s = selectAll(emptySelection, view);
    const filtered = viewKeys(['b', 'd']);
    const pruned = pruneToView(s, filtered);
    expect(sel(pruned)).toEqual(['b', 'd']);
    expect(pruned.anchor).toBeNull();
    expect(pruneToView(pruned, filtered)).toBe(pruned);
  });

  it('lists the selection in view order', () => {
    let s = clickRow(emptySelection, view, 'd', none);
    s = clickRow(s, view, 'a', ctrl);
    expect(selectedInOrder(s, view)).toEqual(['a', 'd']);
    const big = viewKeys(Array.from({ length: 200 }, (_, i) => `k${i}`));
    expect(selectedInOrder(selectAll(emptySelection, big), big)[199]).toBe('k199');
  });
});

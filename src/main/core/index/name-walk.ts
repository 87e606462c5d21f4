import type { IndexedObject } from '../../../shared/model/audit';
import type { IndexReader } from './index-reader';
import { prefixEnd } from './key-order';
import { trigramQuery } from './trigram-fold';

/*
 * (Also an extension's walk, for "." and the extension: `index-search.ts`, `extensionIsDense`.)
 * A name in more keys than a count shows (`nameIsDense`) is read from the keys in order, each
 * checked: most such names fill a page within a few hundred keys. One that clusters (bench:index's
 * "cam-2", whose first key comes after all 200,000 keys under `private/`) read every key before
 * it: 56 ms at 1,000,000 objects, where taking every match from the trigram index and sorting
 * them reads all 100,000. So the walk has a budget of keys; past it, the rest of the search's range
 * goes folder by folder (those just under its prefix; a large one that may hold the name, the same
 * way in turn), and a folder is skipped when the trigram index has no key holding both the name
 * and the folder's last segment. Every key under a
 * folder holds that segment, so a skipped folder holds no match: the page is the same rows, in the
 * same order, as reading every key. The index covers every bucket, and its matches are candidates,
 * so a folder is sometimes read that could have been skipped, never the other way round.
 */

/** Keys read in order before the walk asks the trigram index which folders to skip (1,000,000 keys: ~1–2 ms). */
export const walkBudget = 20_000;
/** Folders the trigram index is asked about in one search; past them, the rest of a folder is read key by key. */
const maxFolders = 64;

/** Keys `from` ≤ key < `to` (null: no end). */
interface KeyRange {
  from: string;
  to: string | null;
}

/** A contains-search for a common name, with nothing but its prefix to narrow it. */
export interface NameWalk {
  reader: IndexReader;
  /** The name, three characters or more, without NUL (what `nameIsDense` accepts). */
  name: string;
  prefix: string;
  /** The search's conditions over `objects o` but its key range (the walk sets that), with their parameters. */
  where: string;
  params: Record<string, string | number>;
  /** The columns a page reads from `objects o`. */
  columns: string;
  /** Keys read before asking which folders to skip (`walkBudget`; a test reads fewer). */
  budget: number;
  /**
   * Ask about a folder with the last three characters of the name and of the folder's segment
   * only (`briefQuery`): their candidates include every key the whole texts' would, so a folder
   * is still skipped only where none can match, but two doclists are walked, not a dozen (an
   * extension, common in other folders, ruled out of a large one: 6.6 → 1.5 ms), at the price of
   * a folder read now and then that the whole texts would have skipped.
   */
  brief?: boolean;
}

/** A page's matches; `budgetEnd` is the last key of the budgeted walk (none: the range is smaller). */
export interface WalkedPage {
  rows: IndexedObject[];
  /** The trigram index has no key holding the name and the prefix's last segment: nothing matches. */
  none: boolean;
  budgetEnd: string | undefined;
}

/**
 * The first key after `key` in key order: no key holds NUL (XML cannot carry it, so S3 cannot
 * list one), so nothing sorts between `key` and `key + NUL`. Ranges are then all `from ≤ key < to`.
 */
const after = (key: string) => `${key}\u0000`;

/** The range of the search's prefix (the whole bucket for none). */
const rangeOf = (prefix: string): KeyRange => ({ from: prefix, to: prefixEnd(prefix) });

/**
 * Text every key under `path` holds and that names it best for the trigram index: its last segment,
 * with the slashes around it (`public/media/2025/` → `/2025/`; a first segment has no slash before it).
 */
export function lastSegment(path: string): string {
  const cut = path.lastIndexOf('/', path.length - 2);
  return cut < 0 ? path : path.slice(cut);
}

/** The folder just under `prefix` that `key` is in (`prefix` + segment + `/`), or null for a key directly under it. */
export function childFolder(prefix: string, key: string): string | null {
  const slash = key.indexOf('/', prefix.length);
  return slash < 0 ? null : key.slice(0, slash + 1);
}

/** A page of a common name's matches, in key order. */
export function walkName(w: NameWalk, page: { offset: number; limit: number }): WalkedPage {
  const whole = rangeOf(w.prefix);
  // Every key under the prefix holds its last segment: with the name, the index may say none does.
  if (w.prefix !== '' && !holdsName(w, lastSegment(w.prefix))) return { rows: [], none: true, budgetEnd: undefined };
  const walk = new PageWalk(w, page);
  const budgetEnd = keyAt(w, whole, w.budget);
  walk.folder(w.prefix, whole, budgetEnd);
  return { rows: walk.rows, none: false, budgetEnd };
}

/** One page's walk: the rows found so far, and the matches still to pass over before the page starts. */
class PageWalk {
  readonly rows: IndexedObject[] = [];
  private skip: number;
  private asked = 0;

  constructor(
    private readonly w: NameWalk,
    private readonly page: { offset: number; limit: number },
  ) {
    this.skip = page.offset;
  }

  /**
   * The keys of a folder's range (or the prefix's) up to its budget's end (`budgetEnd`; none: the
   * range is smaller than the budget, read whole), then the rest folder by folder just under it.
   * A folder of fewer keys than the budget is read; a larger one is asked about first (what that
   * costs, ~1–2 ms, is about what reading that many keys does), and if it may hold the name, read
   * the same way: its budget, then its own folders.
   */
  folder(prefix: string, range: KeyRange, budgetEnd: string | undefined): void {
    if (budgetEnd === undefined) return this.take(range);
    this.take({ from: range.from, to: after(budgetEnd) });
    let from = after(budgetEnd);
    while (this.rows.length < this.page.limit) {
      const next = keyAt(this.w, { from, to: range.to }, 1);
      if (next === undefined) return;
      const folder = this.asked < maxFolders ? childFolder(prefix, next) : null;
      // A key directly in this folder, or past the folders asked about: the rest of it, key by key.
      if (folder === null) return this.take({ from, to: range.to });
      // The keys under a folder end before its '/' raised by one, '0' (what prefixEnd gives).
      const sub = { from, to: `${folder.slice(0, -1)}0` };
      const subEnd = keyAt(this.w, sub, this.w.budget);
      if (subEnd === undefined) this.take(sub);
      else {
        this.asked += 1;
        if (holdsName(this.w, lastSegment(folder))) this.folder(folder, sub, subEnd);
      }
      from = sub.to;
    }
  }

  /** The range's matches after those still to pass over, up to a full page. */
  private take(range: KeyRange): void {
    const found = rowsIn(this.w, range, this.page.limit - this.rows.length, this.skip);
    if (found.length > 0) this.skip = 0;
    else if (this.skip > 0) this.skip -= countIn(this.w, range, this.skip);
    this.rows.push(...found);
  }
}

/**
 * The matches under the prefix, up to `cap`: the keys of the budgeted walk checked one by one (and,
 * where they held the name often, the keys after them), and the rest from the trigram index (the
 * name and the prefix's last segment), so a prefix with few matches among many keys costs no more
 * than its candidates. `budgetEnd` is `walkName`'s.
 */
export function countName(w: NameWalk, budgetEnd: string | undefined, cap: number): number {
  const whole = rangeOf(w.prefix);
  let counted = countIn(w, budgetEnd === undefined ? whole : { from: whole.from, to: after(budgetEnd) }, cap);
  if (budgetEnd === undefined || counted >= cap) return counted;
  let from = after(budgetEnd);
  // Where the budget's keys held the name often, the keys after them, read in order (from the key
  // index alone), reach the cap sooner than the index's candidates, each a row to look up ("cam-1"
  // under a year of 75,000 keys, 1 in 5: 15 ms → 7). Twice as many as the budget's share says
  // reach it (matches cluster by folder), if that is at most four budgets; the rest, if the name
  // thinned out, from the index.
  const keysToCap = counted > 0 ? Math.ceil(((cap - counted) * w.budget * 2) / counted) : Number.POSITIVE_INFINITY;
  if (keysToCap <= 4 * w.budget) {
    const end = keyAt(w, { from, to: whole.to }, keysToCap);
    counted += countIn(w, { from, to: end === undefined ? whole.to : after(end) }, cap - counted);
    if (end === undefined || counted >= cap) return counted;
    from = after(end);
  }
  const rest = rangeRestriction({ from, to: whole.to });
  const segment = lastSegment(w.prefix);
  const found = w.reader.get<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM objects_key_fts f CROSS JOIN objects o ON o.id = f.rowid
      WHERE f.objects_key_fts MATCH @walkFts AND ${w.where} AND ${rest.sql} LIMIT @walkCap)`,
    { ...w.params, ...rest.params, walkFts: namesQuery(w.name, segment), walkCap: cap - counted },
  );
  return counted + (found?.n ?? 0);
}

/** The trigram query for keys holding `name` and, where it is long enough to look up, `text`. */
function namesQuery(name: string, text: string): string {
  const name3 = trigramQuery(name);
  return Array.from(text).length >= 3 && !text.includes('\u0000') ? `${name3} AND ${trigramQuery(text)}` : name3;
}

/** The trigram query for keys holding the last three characters of `name` and of `text` (`NameWalk.brief`). */
function briefQuery(name: string, text: string): string {
  const last3 = (t: string) => Array.from(t).slice(-3).join('');
  return `${trigramQuery(last3(name))} AND ${trigramQuery(last3(text))}`;
}

/** Whether some key may hold both the name and `text` (true where `text` is too short to look up). */
function holdsName(w: NameWalk, text: string): boolean {
  if (Array.from(text).length < 3 || text.includes('\u0000')) return true;
  const found = w.reader.get<{ n: number }>('SELECT 1 AS n FROM objects_key_fts WHERE objects_key_fts MATCH ? LIMIT 1', [
    w.brief === true ? briefQuery(w.name, text) : namesQuery(w.name, text),
  ]);
  return found !== undefined;
}

function rangeRestriction(range: KeyRange): { sql: string; params: Record<string, string> } {
  if (range.to === null) return { sql: 'o.key >= @walkFrom', params: { walkFrom: range.from } };
  return { sql: 'o.key >= @walkFrom AND o.key < @walkTo', params: { walkFrom: range.from, walkTo: range.to } };
}

/** The `n`th key of the range (1: its first), from the key index alone. */
function keyAt(w: NameWalk, range: KeyRange, n: number): string | undefined {
  const r = rangeRestriction(range);
  const found = w.reader.get<{ key: string }>(
    `SELECT o.key FROM objects o WHERE o.bucket_id = @bucketId AND ${r.sql} ORDER BY o.key LIMIT 1 OFFSET @walkSkip`,
    { bucketId: w.params.bucketId ?? -1, ...r.params, walkSkip: n - 1 },
  );
  return found?.key;
}

/** `n` matches in the range after its first `skip`, in key order (read key by key). */
function rowsIn(w: NameWalk, range: KeyRange, n: number, skip: number): IndexedObject[] {
  const r = rangeRestriction(range);
  return w.reader.all<IndexedObject>(
    `SELECT ${w.columns} FROM objects o WHERE ${w.where} AND ${r.sql} ORDER BY o.key LIMIT @walkLimit OFFSET @walkSkip`,
    { ...w.params, ...r.params, walkLimit: n, walkSkip: skip },
  );
}

/** The matches in the range, up to `cap` (read key by key). */
function countIn(w: NameWalk, range: KeyRange, cap: number): number {
  const r = rangeRestriction(range);
  const found = w.reader.get<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM objects o WHERE ${w.where} AND ${r.sql} LIMIT @walkCap)`,
    { ...w.params, ...r.params, walkCap: cap },
  );
  return found?.n ?? 0;
}

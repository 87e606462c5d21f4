import { mapLimit } from '../../../shared/concurrency';
import type { ParsedListing } from '../browse/list-xml';
import { compareKeys } from './key-order';

/** One ListObjectsV2 request, as the sync makes it. */
export interface ListRequest {
  prefix: string;
  startAfter?: string;
  continuationToken?: string;
  delimiter?: string;
  maxKeys?: number;
}

/** Lists one page (the S3 call, behind a seam for tests and request counting). */
export type ListPage = (request: ListRequest, signal: AbortSignal) => Promise<ParsedListing>;

/** A key range: keys k under the sync's prefix with startAfter < k ≤ endKey (null: unbounded). */
export interface KeyRange {
  startAfter: string | null;
  endKey: string | null;
}

export interface PlanOptions {
  /** Stop looking for more split points once there are this many ranges. */
  targetRanges: number;
  /** Probes in flight at once. */
  concurrency: number;
  /** At most this many probe requests for sampling inside flat folders. */
  maxProbes: number;
}

export const defaultPlanOptions: PlanOptions = { targetRanges: 64, concurrency: 16, maxProbes: 400 };

/** Characters tried after a stem when sampling a flat folder: printable ASCII, in byte order. */
const alphabet = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i));
/** Greater than any character a real key has after a stem: "past every key starting with the stem". */
const past = '\u{10ffff}';

/**
 * Splits the keys of `prefix` after `after` (the last key of the first page, already listed) into
 * ranges that can be listed in parallel. Split points come from the folder structure (delimiter
 * listings of the top two levels) and, inside a folder with too many keys of its own, from probes:
 * one-key listings from chosen StartAfter points, which return real keys spread over the folder.
 * Any split points give a correct partition (the ranges cover the key space exactly); good ones only
 * balance the work. Returns the ranges (the first starting after `after`) and the requests made.
 */
export async function planRanges(
  list: ListPage,
  prefix: string,
  after: string,
  signal: AbortSignal,
  options: PlanOptions = defaultPlanOptions,
): Promise<{ ranges: KeyRange[]; requests: number }> {
  let requests = 0;
  const page = (request: ListRequest) => {
    requests += 1;
    return list(request, signal);
  };
  const splits = new Set<string>();
  const flat: { folder: string; last: string }[] = [];

  /** One delimiter page of `folder` (from after `after` when the folder holds it): its subfolders become split points. */
  const explore = async (folder: string): Promise<string[]> => {
    const startAfter = after.startsWith(folder) ? after : undefined;
    const listing = await page({ prefix: folder, delimiter: '/', ...(startAfter ? { startAfter } : {}) });
    for (const cp of listing.commonPrefixes) splits.add(cp);
    const last = listing.contents.at(-1)?.key;
    if (listing.isTruncated && last !== undefined && listing.contents.length >= 100) flat.push({ folder, last });
    return listing.commonPrefixes;
  };

  const top = await explore(prefix);
  if (splits.size < options.targetRanges) await mapLimit(top.slice(0, options.targetRanges), options.concurrency, explore);
  let probes = 0;
  const probe = async (startAfter: string, folder: string): Promise<string | undefined> => {
    probes += 1;
    const listing = await page({ prefix: folder, startAfter, maxKeys: 1 });
    return listing.contents[0]?.key;
  };
  for (const { folder, last } of flat) {
    if (probes >= options.maxProbes) break;
    for (const key of await sampleFlatFolder(probe, folder, last, options, () => options.maxProbes - probes)) splits.add(key);
  }

  const points = [...splits].filter((s) => compareKeys(s, after) > 0).sort(compareKeys);
  const chosen = points.length + 1 <= options.targetRanges * 4 ? points : evenly(points, options.targetRanges * 4 - 1);
  const ranges: KeyRange[] = [];
  let start: string = after;
  for (const point of chosen) {
    ranges.push({ startAfter: start, endKey: point });
    start = point;
  }
  ranges.push({ startAfter: start, endKey: null });
  return { ranges, requests };
}

/**
 * Real keys spread over a folder's own keys after `last`: find the stem all of them share, then
 * the first key after the stem plus each character (and, for each character seen, one character
 * deeper). Keys that count or date in fixed-width fields split into ranges of similar size.
 */
async function sampleFlatFolder(
  probe: (startAfter: string, folder: string) => Promise<string | undefined>,
  folder: string,
  last: string,
  options: PlanOptions,
  budget: () => number,
): Promise<string[]> {
  // The stem: the longest start of `last` that every later key of the folder starts with.
  const lengths = Array.from(Array.from(last).keys(), (i) => i + 1)
    .filter((n) => n > Array.from(folder).length)
    .slice(0, 24);
  const codePoints = Array.from(last);
  const stems = lengths.map((n) => codePoints.slice(0, n).join(''));
  const beyond = await mapLimit(stems, options.concurrency, (stem) => probe(stem + past, folder));
  let stem = folder;
  stems.forEach((s, i) => {
    if (beyond[i] === undefined && s.length > stem.length) stem = s;
  });
  const found = new Set<string>();
  const sampleAfter = async (base: string, lowest: string | undefined): Promise<string[]> => {
    const chars = alphabet.filter((c) => lowest === undefined || c >= lowest).slice(0, Math.max(0, budget()));
    const keys = await mapLimit(chars, options.concurrency, (c) => probe(base + c, folder));
    const hits: string[] = [];
    chars.forEach((c, i) => {
      const key = keys[i];
      if (key === undefined) return;
      found.add(key);
      if (key.startsWith(base + c)) hits.push(c);
    });
    return hits;
  };
  const stemPoints = Array.from(stem).length;
  const lastChar = codePoints[stemPoints];
  const hits = await sampleAfter(stem, lastChar);
  for (const c of hits) {
    if (budget() <= 0) break;
    await sampleAfter(stem + c, c === lastChar ? codePoints[stemPoints + 1] : undefined);
  }
  return [...found];
}

/** `count` items spread evenly over `items` (kept in order). */
function evenly<T>(items: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)] as T);
}

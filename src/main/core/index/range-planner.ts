import { mapLimit } from '../../../shared/concurrency';
import { compareKeys } from './key-order';
import { keyAt, keysOf, type SyncListing } from './listed-columns';

/** One ListObjectsV2 request, as the sync makes it. */
export interface ListRequest {
  prefix: string;
  startAfter?: string;
  continuationToken?: string;
  delimiter?: string;
  maxKeys?: number;
}

/** Lists one page (the S3 call, behind a seam for tests and request counting). */
export type ListPage = (request: ListRequest, signal: AbortSignal) => Promise<SyncListing>;

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
/** A large folder with at most this many subfolders has them looked into (with more, they already split it finely)… */
const fewSubfolders = 16;
/** …up to this many in all (one request each). */
const maxThirdLevel = 32;
/** Greater than any character a real key has after a stem: "past every key starting with the stem". */
const past = '\u{10ffff}';

/**
 * Splits the keys of `prefix` after `after` (the last key of the first page, already listed) into
 * ranges that can be listed in parallel. Split points come from the folder structure (delimiter
 * listings of the top two levels, the second only inside folders of more than one page, and a third
 * inside such a folder with only a few subfolders) and, inside a folder with too many keys of its own, from probes:
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
  const flat: { folder: string; keys: string[] }[] = [];

  /** One delimiter page of `folder` (from after `after` when the folder holds it): its subfolders, and its own keys when there are many. */
  const explore = async (folder: string): Promise<string[]> => {
    const startAfter = after.startsWith(folder) ? after : undefined;
    const listing = await page({ prefix: folder, delimiter: '/', ...(startAfter ? { startAfter } : {}) });
    if (listing.isTruncated && listing.objects.count >= 100) flat.push({ folder, keys: keysOf(listing.objects) });
    return listing.commonPrefixes;
  };
  /** Whether `folder` holds more keys (after `after`) than one page: splitting a smaller one only cuts pages short. */
  const holdsMoreThanAPage = async (folder: string): Promise<boolean> => {
    const startAfter = after.startsWith(folder) ? after : undefined;
    return (await page({ prefix: folder, maxKeys: 1000, ...(startAfter ? { startAfter } : {}) })).isTruncated;
  };

  const top = await explore(prefix);
  for (const cp of top) splits.add(cp);
  // The folder that holds `after` has keys after it too, but a listing from `after` does not name it.
  const holding = after.indexOf('/', prefix.length);
  const current = holding >= 0 ? [after.slice(0, holding + 1)] : [];
  const second = [...new Set([...current, ...top])].slice(0, options.targetRanges);
  if (splits.size < options.targetRanges) {
    const [inside, large] = await Promise.all([
      mapLimit(second, options.concurrency, explore),
      mapLimit(second, options.concurrency, holdsMoreThanAPage),
    ]);
    const third: string[] = [];
    second.forEach((folder, i) => {
      if (!large[i]) return;
      const children = inside[i] ?? [];
      for (const cp of children) splits.add(cp);
      // A large folder with only a few subfolders (public/ → media/, thumbs/) would leave each of
      // them one range as large as most of the bucket: their own subfolders are split points too,
      // and one that holds its keys itself is sampled below like any flat folder.
      if (children.length <= fewSubfolders) third.push(...children);
    });
    for (const cp of (await mapLimit(third.slice(0, maxThirdLevel), options.concurrency, explore)).flat()) splits.add(cp);
  }
  let probes = 0;
  const probe = async (startAfter: string, folder: string): Promise<string | undefined> => {
    probes += 1;
    const listing = await page({ prefix: folder, startAfter, maxKeys: 1 });
    return listing.objects.count > 0 ? keyAt(listing.objects, 0) : undefined;
  };
  for (const { folder, keys } of flat) {
    if (probes >= options.maxProbes) break;
    for (const key of await sampleFlatFolder(probe, folder, keys, options, () => options.maxProbes - probes)) splits.add(key);
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
 * Real keys spread over a folder's own keys after `last`: find the stem all of them share (trying
 * a few starts of the keys seen), then the first key after the stem plus each character of the
 * kind seen at that place (digits, letters…), and for each character found one place deeper. Keys
 * that count or date in fixed-width fields split into ranges of similar size with a few dozen probes.
 */
async function sampleFlatFolder(
  probe: (startAfter: string, folder: string) => Promise<string | undefined>,
  folder: string,
  seen: readonly string[],
  options: PlanOptions,
  budget: () => number,
): Promise<string[]> {
  const last = seen.at(-1) ?? folder;
  const points = Array.from(last);
  const common = commonStart(seen.map((k) => Array.from(k)));
  const folderPoints = Array.from(folder).length;
  // Candidate stems: the start all seen keys share, and up to three characters shorter.
  const lengths = [0, 1, 2, 3].map((d) => common - d).filter((n) => n >= folderPoints);
  const stems = lengths.map((n) => points.slice(0, n).join(''));
  const beyond = await mapLimit(stems, options.concurrency, (stem) => probe(stem + past, folder));
  let stem = folder;
  stems.forEach((s, i) => {
    if (beyond[i] === undefined && s.length > stem.length) stem = s;
  });
  const found = new Set<string>();
  const sampleAfter = async (base: string, lowest: string | undefined): Promise<string[]> => {
    const depth = Array.from(base).length;
    const chars = charactersLike(seen.map((k) => Array.from(k)[depth]))
      .filter((c) => lowest === undefined || c >= lowest)
      .slice(0, Math.max(0, budget()));
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
  const lastChar = points[stemPoints];
  const hits = await sampleAfter(stem, lastChar);
  await mapLimit(hits, options.concurrency, (c) => sampleAfter(stem + c, c === lastChar ? points[stemPoints + 1] : undefined));
  return [...found];
}

const classes = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** The characters to try at a place: the classes (digits, lower, upper) of those seen there, else all printable ASCII. */
function charactersLike(seen: readonly (string | undefined)[]): string[] {
  const present = seen.filter((c): c is string => c !== undefined);
  const chosen = classes.filter((cls) => present.some((c) => cls.includes(c)));
  if (chosen.length === 0 || present.some((c) => !chosen.some((cls) => cls.includes(c)))) return alphabet;
  return Array.from(chosen.join('')).sort();
}

/** How many leading code points all of `keys` share. */
function commonStart(keys: readonly string[][]): number {
  const first = keys[0];
  if (!first) return 0;
  let n = 0;
  while (n < first.length && keys.every((k) => k[n] === first[n])) n += 1;
  return n;
}

/** `count` items spread evenly over `items` (kept in order). */
function evenly<T>(items: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)] as T);
}

import type { IndexedObject, SearchPage, SearchPlan, SearchQuery } from '../../../shared/model/audit';
import { searchCountCap } from '../../../shared/model/audit';
import type { Roots } from '../../../shared/model/roots';
import type { IndexReader } from './index-reader';
import type { IndexStore } from './index-store';
import { escapeLike, keyRangeCondition, rootCondition } from './key-range';
import { countName, walkBudget, walkName, type NameWalk } from './name-walk';
import { toStoredEtagSql, versionColumnsSql } from './stored-values';
import { isAscii, trigramQuery } from './trigram-fold';

/** Where a search looks: one indexed bucket (`buckets.id`; -1 for a bucket never indexed), with its connection's roots. */
export interface SearchScope {
  bucketId: number;
  roots: Roots;
  /** The bucket's keys are not in the trigram index yet (its first sync is under way; index v6). */
  keyIndexPending?: boolean;
  /**
   * How a contains-name (three characters or more) is looked up, where the trigram index has it:
   * 'matches' (default) takes every match from the index and sorts what passes the other filters;
   * 'keys' reads keys in order, checking each, for a name so common that a page is found within a
   * few hundred keys (with nothing else to narrow the search, `name-walk.ts` reads them, skipping
   * folders that hold none); 'index' reads the index's matches one by one, for counting a common name up to
   * the cap without collecting them all (`searchIndex` picks by `nameIsDense`).
   */
  nameRead?: 'matches' | 'keys' | 'index';
  /** A size range so common that reading keys in order finds a page sooner than its index (`sizeIsDense`). */
  sizeRead?: 'index' | 'keys';
  /** STANDARD so common that reading keys in order finds a page sooner than reading the table and sorting (`standardIsDense`). */
  standardRead?: 'index' | 'keys';
  /**
   * An extension so common that its page is read from the keys in order, each tested ('keys';
   * alone, `walkName`'s walk, which skips folders holding none), rather than taken from its
   * index, which holds no key since v13, and sorted ('index', the default).
   */
  extensionRead?: 'index' | 'keys';
  /** Keys a common name's walk reads in order before skipping folders (`name-walk.ts`'s `walkBudget`; tests set fewer). */
  walkBudget?: number;
}

/**
 * Keys an extension's walk reads in order before it asks which folders to skip: half a name's,
 * its asks being brief (`NameWalk.brief`), about what reading 10,000 keys costs (~1 ms).
 */
const extensionWalkBudget = walkBudget / 2;

/** The trigram tokenizer indexes runs of three characters: a shorter text cannot be looked up in it. */
export const trigramMinChars = 3;

/** A search as SQL: the WHERE conditions over `objects o` (in `from`) and their named parameters. */
export interface SearchSql {
  from: string;
  where: string;
  params: Record<string, string | number>;
  plan: SearchPlan;
  /** The ORDER BY term: `+o.key` where the matches are few and are found another way (an ETag's, a rare extension's or STANDARD's). */
  orderBy: 'o.key' | '+o.key';
}

/**
 * Builds the conditions of a search. Substring search of three characters or more goes through the
 * trigram index (`objects_key_fts`); a shorter one, or `startsWith`, is a key range under the
 * prefix (the unique key index answers it), since a trigram index cannot find one or two
 * characters and scanning every key for them is what this index exists to avoid. Pure.
 */
export function searchSql(scope: SearchScope, query: SearchQuery): SearchSql {
  const where = ['o.bucket_id = @bucketId'];
  const params: Record<string, string | number> = { bucketId: scope.bucketId };
  const fts: string[] = [];
  let contains: { sql: string; params: Record<string, string> } | null = null;
  let plan: SearchPlan = 'none';
  const add = (condition: { sql: string; params: Record<string, string> } | null) => {
    if (!condition) return;
    where.push(condition.sql);
    Object.assign(params, condition.params);
  };
  const name = query.name;
  if (name !== '') {
    if (query.nameMatch === 'contains' && Array.from(name).length >= trigramMinChars) {
      plan = scope.keyIndexPending === true ? 'scan' : 'trigram';
      // No key holds NUL (XML cannot carry it, so S3 cannot list one), and neither FTS5's query
      // syntax nor LIKE can take it (both end the text there).
      if (name.includes('\u0000')) where.push('0');
      else {
        // Each key read in order, or each of the trigram index's candidates (detail=none since
        // v8), is checked for the name itself; last, after the cheaper conditions.
        contains = containsCondition(name);
        if (scope.keyIndexPending !== true && scope.nameRead !== 'keys') fts.push(trigramQuery(name));
      }
    } else {
      plan = 'prefix';
      add(keyRangeCondition('o.key', 'name', query.prefix + name));
    }
  }
  add(keyRangeCondition('o.key', 'under', query.prefix));
  const extensionSorted = query.extension !== '' && scope.extensionRead !== 'keys';
  if (extensionSorted) {
    // The generated, indexed `extension` column (index v4): lower-cased, without the dot.
    where.push('o.extension = @extension');
    params.extension = extensionOf(query);
  } else if (query.extension !== '') {
    // Read from keys in order, the same test on the key itself, which the key index holds: the
    // generated column would be computed from the row, a lookup per key (20,000 keys: 19 ms → 2).
    // A key whose extension it is ends with "." and it, in any case of A–Z (SQLite's lower()
    // folds those only, and LIKE too), and a key that ends so has it: it holds no dot or "/".
    where.push(`o.key LIKE @extensionLike ESCAPE '\\'`);
    params.extensionLike = `%.${escapeLike(extensionOf(query))}`;
  }
  let from = 'objects o';
  if (fts.length > 0) {
    params.fts = fts.join(' AND ');
    if (scope.nameRead === 'index') {
      // CROSS JOIN keeps the index outermost, so a LIMIT stops it after that many matches.
      from = 'objects_key_fts f CROSS JOIN objects o ON o.id = f.rowid';
      where.push('f.objects_key_fts MATCH @fts');
    } else where.push('o.id IN (SELECT rowid FROM objects_key_fts WHERE objects_key_fts MATCH @fts)');
  }
  // `+` keeps SQLite off the size index, so it reads keys in order and checks each size.
  const size = scope.sizeRead === 'keys' ? '+o.size' : 'o.size';
  if (query.minSize !== undefined) {
    where.push(`${size} >= @minSize`);
    params.minSize = query.minSize;
  }
  if (query.maxSize !== undefined) {
    where.push(`${size} <= @maxSize`);
    params.maxSize = query.maxSize;
  }
  // Times are stored as ms since the epoch (index v12).
  if (query.modifiedAfter !== undefined) {
    where.push('o.last_modified >= @modifiedAfter');
    params.modifiedAfter = new Date(query.modifiedAfter).getTime();
  }
  if (query.modifiedBefore !== undefined) {
    where.push('o.last_modified <= @modifiedBefore');
    params.modifiedBefore = new Date(query.modifiedBefore).getTime();
  }
  // STANDARD, where few objects are, is found in the table and sorted (see below).
  const standardSorted = query.storageClass === 'STANDARD' && scope.standardRead !== 'keys';
  if (query.storageClass !== '') {
    // The index stores STANDARD as NULL (v12). Where most objects are STANDARD, keys are read in
    // order; where few are (an archive), the table is read and they are sorted: no index holds
    // them since v15 (1,000,000 objects: ~60 ms). Another class comes from the index of the
    // objects not in STANDARD, in key order: the query repeats that index's condition, so SQLite
    // may use it.
    if (query.storageClass === 'STANDARD') where.push('o.storage_class IS NULL');
    else {
      where.push(`o.storage_class = @storageClass AND o.storage_class <> 'STANDARD'`);
      params.storageClass = query.storageClass;
    }
  }
  if (query.root !== undefined) {
    // A root is half the bucket: with an extension or another storage class too, that value's
    // index finds the page (another class's in key order; an extension's, holding no key, to be
    // sorted; a rare STANDARD, from the table), and the root is better checked per row than walked as a key range.
    // `+o.key` tells SQLite not to walk the range instead.
    const oneValue = extensionSorted || (query.storageClass !== '' && query.storageClass !== 'STANDARD') || standardSorted;
    add(rootCondition(oneValue ? '+o.key' : 'o.key', query.root, scope.roots));
  }
  if (query.etag !== '') {
    // In its stored form (index v12): a plain MD5 ETag's 16 bytes match whatever case it is typed
    // in; any other is kept as listed, so it is looked up as typed, lower-cased and upper-cased.
    where.push(`o.etag IN (${toStoredEtagSql('@etag')}, lower(@etag), upper(@etag))`);
    params.etag = query.etag.replace(/"/g, '');
  }
  add(contains);
  // Sorting the few objects with one ETag beats walking the bucket in key order to find them, which
  // is what SQLite (no statistics) does when the key order is on offer: `+` takes it off. So for a
  // rare extension, from its index (which holds no key), and a rare STANDARD, from the table.
  const sorted = query.etag !== '' || standardSorted || extensionSorted;
  return { from, where: where.join(' AND '), params, plan, orderBy: sorted ? '+o.key' : 'o.key' };
}

/**
 * The extension as the index stores it: without the dot, A–Z lower-cased (SQLite's lower() folds
 * those only: a key's "Ärger" stays "Ärger", which JavaScript's toLowerCase would never match).
 */
const extensionOf = (query: SearchQuery) => query.extension.replace(/^\./, '').replace(/[A-Z]+/g, (c) => c.toLowerCase());

/**
 * Whether `o.key` holds `name`, folding case as the trigram tokenizer does. An ASCII name is
 * checked in SQL, with LIKE, which folds ASCII letters only and copies nothing; the only other
 * characters the tokenizer folds into ASCII are KELVIN SIGN (→ k) and LONG S (→ s)
 * (trigram-fold.test.ts checks there are no more), so a key holding one of them is checked again
 * with those two replaced. A third of the cost of calling into JavaScript for each row (10,000
 * candidates: ~2 ms against ~6). Any other name goes through `key_contains` (`trigram-fold.ts`).
 */
function containsCondition(name: string): { sql: string; params: Record<string, string> } {
  if (!isAscii(name)) return { sql: 'key_contains(o.key, @contains)', params: { contains: name } };
  const folded = `instr(lower(replace(replace(o.key, char(8490), 'k'), char(383), 's')), @contains) > 0`;
  return {
    sql: `(o.key LIKE @containsLike ESCAPE '\\' OR ((instr(o.key, char(8490)) OR instr(o.key, char(383))) AND ${folded}))`,
    params: { contains: name.toLowerCase(), containsLike: `%${escapeLike(name)}%` },
  };
}

/** The columns of an `IndexedObject`, from `objects o`. */
export const objectColumns = versionColumnsSql('o');

/**
 * One page of a search, in key order, with the count of matches (up to `searchCountCap`), asked
 * of the index worker as one request: the plan is a dozen small questions whose answers decide the
 * next (is the name common, where does the walk's budget end, which folders may hold it), and a
 * message each from main cost more than most of them (a common name at 1,000,000 objects: 11
 * messages). `tookMs` is the time main waited, message included.
 */
export async function searchIndexedObjects(
  store: IndexStore,
  scope: SearchScope,
  query: SearchQuery,
  page: { offset: number; limit: number },
): Promise<SearchPage> {
  const started = performance.now();
  const found = await store.call('search', { scope, query, page });
  return { ...found, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

/** `searchIndexedObjects` inside the index worker: the same page, read through its connection. */
export function searchIndex(
  reader: IndexReader,
  scope: SearchScope,
  query: SearchQuery,
  page: { offset: number; limit: number },
): Omit<SearchPage, 'tookMs'> {
  const pending = reader.get<{ n: number }>('SELECT 1 AS n FROM objects_key_fts_pending WHERE bucket_id = ?', [scope.bucketId]);
  const keyIndexPending = pending !== undefined;
  const dense = !keyIndexPending && nameIsDense(reader, query);
  const sized = query.minSize !== undefined || query.maxSize !== undefined;
  const standard = query.storageClass === 'STANDARD';
  const extended = query.extension !== '';
  // The filters below weigh their matches against one threshold, from one look at the bucket's last sync.
  const objects = sized || standard || extended ? bucketObjects(reader, scope.bucketId) : 0;
  const enough = denseThreshold(objects, page);
  const sizeRead = sized && sizeIsDense(reader, scope.bucketId, query, enough) ? 'keys' : 'index';
  const standardRead = standard && (enough === 0 || standardIsDense(reader, scope.bucketId, enough, objects)) ? 'keys' : 'index';
  // A common extension is tested key by key in key order, as is any while a first sync has the
  // indexes out (its own is not there to be read); a rare one comes from its index, to be sorted.
  const extensionRead = extended && (keyIndexPending || extensionIsDense(reader, scope.bucketId, query, enough)) ? 'keys' : 'index';
  // The prefix a common extension's page is walked under (alone, under a prefix or root); null: none.
  const extensionWalked = extensionRead === 'keys' && !keyIndexPending ? extensionWalkPrefix(query, scope.roots) : null;
  const pageSql = searchSql(
    { ...scope, keyIndexPending, nameRead: dense ? 'keys' : 'matches', sizeRead, standardRead, extensionRead },
    query,
  );
  // Counting stops at the cap: from the indexes, which find matches without reading past others.
  const countSql =
    dense || sizeRead === 'keys' || standardRead === 'keys' || extensionRead === 'keys'
      ? searchSql({ ...scope, keyIndexPending, nameRead: dense ? 'index' : 'matches' }, query)
      : pageSql;
  const countAll = () => {
    const found = reader.get<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM ${countSql.from} WHERE ${countSql.where} LIMIT @cap)`,
      {
        ...countSql.params,
        cap: searchCountCap + 1,
      },
    );
    return found?.n ?? 0;
  };
  let rows: IndexedObject[];
  let count: () => number = countAll;
  if (extensionWalked !== null) {
    // A common extension: keys in order, skipping folders where the trigram index has no key
    // holding "." and the extension (every key with it holds that), as for a common name.
    const { where, params } = searchSql({ ...scope, extensionRead: 'keys' }, { ...query, prefix: '', root: undefined });
    const budget = scope.walkBudget ?? extensionWalkBudget;
    const name = `.${extensionOf(query)}`;
    const walk: NameWalk = { reader, name, prefix: extensionWalked, where, params, columns: objectColumns, budget, brief: true };
    const walked = walkName(walk, page);
    rows = walked.rows;
    if (walked.none) count = () => 0;
    else if (extensionWalked !== '') count = () => countName(walk, walked.budgetEnd, searchCountCap + 1);
  } else if (dense && nameOnly(query)) {
    // A common name, under a prefix or not: keys in order with a budget, then folder by folder (name-walk.ts).
    const { where, params } = searchSql({ ...scope, nameRead: 'keys' }, { ...query, prefix: '' });
    const budget = scope.walkBudget ?? walkBudget;
    const walk: NameWalk = { reader, name: query.name, prefix: query.prefix, where, params, columns: objectColumns, budget };
    const walked = walkName(walk, page);
    rows = walked.rows;
    if (walked.none) count = () => 0;
    else if (query.prefix !== '') count = () => countName(walk, walked.budgetEnd, searchCountCap + 1);
  } else
    rows = reader.all<IndexedObject>(
      `SELECT ${objectColumns} FROM ${pageSql.from} WHERE ${pageSql.where} ORDER BY ${pageSql.orderBy} LIMIT @limit OFFSET @offset`,
      { ...pageSql.params, limit: page.limit, offset: page.offset },
    );
  // A page that is not full ends the matches: they are the ones before it and on it, no count needed.
  const n = rows.length < page.limit && (rows.length > 0 || page.offset === 0) ? page.offset + rows.length : count();
  return {
    rows,
    offset: page.offset,
    total: Math.min(n, searchCountCap),
    totalCapped: n > searchCountCap,
    plan: pageSql.plan,
  };
}

/** Whether a search narrows by name (and prefix) alone: what `walkName` reads. With other filters, their own indexes' plans. */
function nameOnly(q: SearchQuery): boolean {
  const unset = [q.minSize, q.maxSize, q.modifiedAfter, q.modifiedBefore, q.root].every((v) => v === undefined);
  return unset && q.nameMatch === 'contains' && q.extension === '' && q.storageClass === '' && q.etag === '';
}

/**
 * Whether a contains-search's name is in more keys than a result count shows (`searchCountCap`),
 * asked of the trigram index with a LIMIT, so it stops there (~1–2 ms). Then the page is the first
 * keys in order that contain it, found within a few hundred rows, where the index would hand over
 * every match to be sorted (a name in 60 % of 50,000 keys: 22 ms → 5 ms); where they come late in
 * key order, `walkName` skips the folders before them. The index covers every
 * bucket: a name dense in another one only costs this bucket a walk through its own keys. Its
 * candidates hold every trigram of the name; the few among them that do not hold the name itself
 * can only make a name look commoner than it is.
 */
function nameIsDense(reader: IndexReader, query: SearchQuery): boolean {
  if (query.nameMatch !== 'contains' || Array.from(query.name).length < trigramMinChars || query.name.includes('\u0000')) return false;
  const found = reader.get<{ n: number }>(
    'SELECT count(*) AS n FROM (SELECT rowid FROM objects_key_fts WHERE objects_key_fts MATCH ? LIMIT ?)',
    [trigramQuery(query.name), searchCountCap + 1],
  );
  return (found?.n ?? 0) > searchCountCap;
}

/**
 * The prefix an extension's walk reads under, where the search is for an extension alone, under a
 * prefix, a public or private root, or both nested; null where it is not, or where "." and the
 * extension are too short for the trigram index to say which folders hold none. The root's prefix
 * is its range (`rootCondition`), so the walk under the longer of the two reads the same keys.
 */
function extensionWalkPrefix(q: SearchQuery, roots: Roots): string | null {
  const ext = extensionOf(q);
  if (ext === '' || Array.from(ext).length + 1 < trigramMinChars || ext.includes('\u0000')) return null;
  const unset = [q.minSize, q.maxSize, q.modifiedAfter, q.modifiedBefore].every((v) => v === undefined);
  if (!unset || q.name !== '' || q.storageClass !== '' || q.etag !== '') return null;
  if (q.root === undefined) return q.prefix;
  if (q.root === 'other') return null;
  const rootPrefix = roots[q.root];
  if (q.prefix.startsWith(rootPrefix)) return q.prefix;
  return rootPrefix.startsWith(q.prefix) ? rootPrefix : null;
}

/**
 * Whether an extension is in so many of the bucket's objects that its page is read from the keys in
 * order, each tested (alone, by `walkName`; with other filters, as they are read): its index holds
 * no key since v13 (the key took 40 of its 53 bytes per object), so a page from it is every match
 * looked up and sorted, ~17 ms per 100,000. The same threshold as `sizeIsDense`, counted on that
 * index in about a millisecond.
 */
function extensionIsDense(reader: IndexReader, bucketId: number, query: SearchQuery, enough: number): boolean {
  if (enough === 0) return false;
  const found = reader.get<{ n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM objects o WHERE o.bucket_id = @bucketId AND o.extension = @extension LIMIT @enough)',
    { bucketId, extension: extensionOf(query), enough },
  );
  return (found?.n ?? 0) >= enough;
}

/**
 * Whether a size range matches so many of the bucket's objects that reading keys in order finds
 * the page sooner than taking every match from the size index and sorting them. Reading keys finds
 * `offset + limit` matches in about (offset + limit) × objects ÷ matches rows; the index sorts
 * every match; so keys win once matches pass about √((offset + limit) × objects ÷ 2), which the
 * size index (covering) counts up to, and no further, in well under a millisecond (200,000 objects
 * of 250 sizes, a range of ten sizes: 19 ms → 0.5 ms; one no object has stays on the index). The
 * bucket's size is its last finished sync's count.
 */
function sizeIsDense(reader: IndexReader, bucketId: number, query: SearchQuery, enough: number): boolean {
  if (enough === 0) return false;
  const found = reader.get<{ n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM objects o WHERE o.bucket_id = @bucketId AND o.size >= @minSize AND o.size <= @maxSize LIMIT @enough)',
    { bucketId, minSize: query.minSize ?? 0, maxSize: query.maxSize ?? Number.MAX_SAFE_INTEGER, enough },
  );
  return (found?.n ?? 0) >= enough;
}

/**
 * Whether a search for STANDARD should read keys in order: so where most objects are STANDARD (the
 * usual bucket), not where few are (a bucket mostly archived, whose keys in order would be read to
 * the end: 100 STANDARD among 1,000,000 took 1.2 s). The same threshold as `sizeIsDense`, met
 * where the bucket's objects less those in other classes (from their index, v8, counted no
 * further than that could matter; in the usual bucket a handful) reach it.
 */
function standardIsDense(reader: IndexReader, bucketId: number, enough: number, objects: number): boolean {
  if (objects < enough) return false;
  const found = reader.get<{ n: number }>(
    "SELECT count(*) AS n FROM (SELECT 1 FROM objects o WHERE o.bucket_id = @bucketId AND o.storage_class <> 'STANDARD' LIMIT @others)",
    { bucketId, others: objects - enough + 1 },
  );
  return objects - (found?.n ?? 0) >= enough;
}

/** The bucket's size for the plans above: its last finished sync's count. */
function bucketObjects(reader: IndexReader, bucketId: number): number {
  const synced = reader.get<{ n: number }>(
    "SELECT object_count AS n FROM syncs WHERE bucket_id = ? AND state = 'done' ORDER BY id DESC LIMIT 1",
    [bucketId],
  );
  return synced?.n ?? 0;
}

/** √((offset + limit) × objects ÷ 2) (`sizeIsDense`). */
const denseThreshold = (objects: number, page: { offset: number; limit: number }): number =>
  Math.ceil(Math.sqrt(((page.offset + page.limit) * objects) / 2));

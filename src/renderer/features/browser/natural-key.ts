/**
 * A string whose plain code-unit order is the "natural" order of names: case-insensitive, and
 * digit runs compared by value ("clip 2" before "clip 10"). Precomputing it once per name keeps
 * sorting 100,000 rows to a fast `<` comparison instead of a locale collator call per pair.
 */
export function naturalKey(name: string): string {
  return name.toLowerCase().replace(/\d+/g, encodeDigits);
}

// "0" marks a number (every digit belongs to a run, so the marker is never ambiguous), then its
// length, so longer numbers sort after shorter ones, then the digits themselves. Leading zeros
// are dropped here; the raw name breaks the tie ("7" vs "007") when sorting.
function encodeDigits(run: string): string {
  const digits = run.replace(/^0+/, '') || '0';
  return `0${String.fromCharCode(0x30 + Math.min(digits.length, 0xffff - 0x30))}${digits}`;
}

const keys = new WeakMap<object, string>();

/** naturalKey, cached per entry object: rows keep their key across re-sorts and page arrivals. */
export function cachedNaturalKey(owner: object, name: string): string {
  let key = keys.get(owner);
  if (key === undefined) {
    key = naturalKey(name);
    keys.set(owner, key);
  }
  return key;
}

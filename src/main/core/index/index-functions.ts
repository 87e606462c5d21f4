import type { Database } from 'better-sqlite3';
import { keyContains } from './trigram-fold';

/**
 * SQL functions index.sqlite's queries use, registered on the connection that runs them (the index
 * worker's). `key_contains(key, needle)`: 1 when the key holds the needle as the trigram index
 * matches it (`trigram-fold.ts`), the check every trigram candidate and every key read in order
 * goes through.
 */
export function registerIndexFunctions(db: Database): void {
  db.function('key_contains', { deterministic: true }, (key: unknown, needle: unknown) =>
    typeof key === 'string' && typeof needle === 'string' && keyContains(key, needle) ? 1 : 0,
  );
}

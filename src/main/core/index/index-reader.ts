import type { SqlParams } from './index-protocol';

/**
 * Reads of the object index inside its worker, answered at once from the worker's connection (its
 * prepared statements cached): what a procedure that asks many questions takes, a search above
 * all, whose plan depends on the answers (each a message from main would cost more than its query).
 */
export interface IndexReader {
  get<T>(sql: string, params?: SqlParams): T | undefined;
  all<T>(sql: string, params?: SqlParams): T[];
}

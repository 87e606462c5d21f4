import type { IndexStore } from './index-store';

/**
 * The object index's rows (`index-schema.ts`), over the async index port. The sync, search and
 * report queries of the index to come belong here, or in repositories beside it taking the same port.
 */
export class ObjectIndex {
  constructor(private readonly store: IndexStore) {}

  /** Drops everything indexed for a connection that was removed (another file: no cascade). */
  async forgetConnection(connectionId: string): Promise<void> {
    // Rows of every other table refer to `buckets` with ON DELETE CASCADE.
    // The pending-key-index rows have no foreign key (index v6): cleared once their objects are gone.
    await this.store.write([
      { sql: 'DELETE FROM buckets WHERE connection_id = ?', rows: [[connectionId]] },
      { sql: 'DELETE FROM objects_key_fts_pending WHERE bucket_id NOT IN (SELECT id FROM buckets)', rows: [[]] },
    ]);
  }
}

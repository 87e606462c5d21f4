/** How a sync of the object index stands. */
export type IndexSyncState = 'running' | 'paused' | 'done' | 'failed' | 'cancelled';

/** A sync's progress (`index:progress`, ≈10 Hz while it runs, and once at its end). */
export interface IndexSyncProgress {
  jobId: string;
  syncId: number;
  connectionId: string;
  bucket: string;
  prefix: string;
  state: IndexSyncState;
  /** 'inventory' for an S3 Inventory import (files read instead of pages listed); absent for a listing. */
  source?: 'list' | 'inventory';
  /** Objects and bytes listed so far. */
  objects: number;
  bytes: number;
  /** Listing pages merged, and their rate since this run of the sync started. */
  pages: number;
  pagesPerSecond: number;
  listRequests: number;
  /** How many objects the previous finished sync of this bucket and prefix found; null the first time. */
  expectedObjects: number | null;
  /** Seconds left at the current pace, from `expectedObjects`; null when unknown. */
  etaSeconds: number | null;
  /** Key ranges listed in parallel, and how many are finished. */
  ranges: number;
  rangesDone: number;
  added: number;
  changed: number;
  removed: number;
  /**
   * Set once every object is in: the index is building what a first sync leaves until its end
   * (search indexes: ~10–20 s per million objects). The sync is done when that finishes; it can no
   * longer be paused or cancelled meanwhile.
   */
  indexing?: true;
  error?: { code: string; message: string };
}

/** One sync of a bucket (a snapshot once `state` is done). */
export interface IndexSyncSummary {
  syncId: number;
  jobId: string | null;
  prefix: string;
  source: 'list' | 'inventory';
  state: IndexSyncState;
  startedAt: string;
  finishedAt: string | null;
  objects: number;
  bytes: number;
  added: number;
  changed: number;
  removed: number;
  pages: number;
  listRequests: number;
}

/** What `index:sync` answers: the job to follow, and whether it went on from an interrupted sync. */
export interface IndexSyncStarted {
  jobId: string;
  resumed: boolean;
}

/** One S3 Inventory report found in its destination bucket (`index:findInventories`). */
export interface InventoryReportFound {
  destinationBucket: string;
  manifestKey: string;
  /** The inventory configuration's name (the folder the report is in). */
  configId: string;
  /** When S3 began the report's scan (from its folder's name), ms since the epoch. */
  createdMs: number;
  /** The data files' format as the configuration says (CSV, Parquet, ORC); null when it was not read. */
  format: string | null;
}

/** The inventory reports of a bucket, newest first, and how they were looked for. */
export interface InventoryReportsFound {
  reports: InventoryReportFound[];
  /** 'configuration': from the bucket's inventory configurations; 'destination': by walking the bucket and prefix named. */
  source: 'configuration' | 'destination';
  /** Why the configurations gave nothing (none, not supported, not allowed), in words; null otherwise. */
  configurationProblem: string | null;
}

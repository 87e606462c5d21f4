/** What a selection (objects and whole folders) amounts to, for a delete or move confirmation. */
export interface SelectionMeasure {
  /** Objects that would be affected, folder placeholders included. */
  objects: number;
  bytes: number;
  /** How many of the given keys were folders (end with /). */
  folders: number;
  /** A few keys that would go, to name them in the confirmation. */
  sampleKeys: string[];
  /** True when counting stopped at the limit: the real figures are at least these. */
  truncated: boolean;
}

/** A job's answer once it has run: how many items went through and which did not, and why. */
export interface JobOutcome {
  done: number;
  failed: JobItemFailure[];
  /** All failures, when `failed` was cut short to keep the event small. */
  failedTotal: number;
}

export interface JobItemFailure {
  key: string;
  /** An ErrorCode (Conflict, AccessDenied …) for the UI to branch on. */
  code: string;
  message: string;
}

/** What a started job returns at once; progress follows on `jobs:progress` with this id. */
export interface JobStarted {
  jobId: string;
}

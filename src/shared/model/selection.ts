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

/**
 * What Block Public Access leaves in force of the two ways an object is public, as AWS documents
 * it: IgnorePublicAcls makes public ACL grants void; RestrictPublicBuckets limits a public bucket
 * policy to the account's own principals, i.e. not anyone. (BlockPublicAcls and BlockPublicPolicy
 * only refuse new public grants; they change nothing that is already readable.) The health panel
 * and the audit's exposure report both answer "can anyone read this" with these two rules.
 */

/** The two settings that decide reads; absent (or not readable: null) blocks nothing. */
export interface ReadBlockingSettings {
  ignorePublicAcls?: boolean;
  restrictPublicBuckets?: boolean;
}

/** Whether a public-read ACL grant opens an object to anyone. */
export function publicAclsCount(block: ReadBlockingSettings | null | undefined): boolean {
  return block?.ignorePublicAcls !== true;
}

/** Whether a bucket policy statement allowing anyone opens objects to anyone. */
export function publicPolicyCounts(block: ReadBlockingSettings | null | undefined): boolean {
  return block?.restrictPublicBuckets !== true;
}

/**
 * The switches in force for a bucket: AWS applies the most restrictive combination of the
 * bucket's and the account's settings, so a switch on at either level is on. Either may be
 * unknown (null: none, or not readable).
 */
export function combinedBlock<T extends ReadBlockingSettings & { blockPublicAcls?: boolean; blockPublicPolicy?: boolean }>(
  bucket: T | null | undefined,
  account: T | null | undefined,
): { blockPublicAcls: boolean; ignorePublicAcls: boolean; blockPublicPolicy: boolean; restrictPublicBuckets: boolean } {
  const on = (name: keyof ReadBlockingSettings | 'blockPublicAcls' | 'blockPublicPolicy') =>
    bucket?.[name] === true || account?.[name] === true;
  return {
    blockPublicAcls: on('blockPublicAcls'),
    ignorePublicAcls: on('ignorePublicAcls'),
    blockPublicPolicy: on('blockPublicPolicy'),
    restrictPublicBuckets: on('restrictPublicBuckets'),
  };
}

import type { BucketCapabilityReport, ProbeOutcome, PublicAccessBlock } from '../../../shared/model/bucket-health';

/** One row of the capability table: what was asked and what the bucket answered, in words. */
export interface CapabilityRow {
  id: keyof Omit<BucketCapabilityReport, 'checkedAt'>;
  label: string;
  text: string;
  status: ProbeOutcome<unknown>['status'];
}

/** An outcome in words; `ok` answers are worded by `say`. */
function words<T>(outcome: ProbeOutcome<T>, say: (value: T) => string): string {
  switch (outcome.status) {
    case 'ok':
      return say(outcome.value);
    case 'notSupported':
      return `Not supported by this server. ${outcome.detail}`;
    case 'denied':
      return `Not readable with these credentials (needs ${outcome.permission}).`;
    case 'notChecked':
      return `Not checked: ${outcome.reason}`;
    case 'error':
      return `Could not be read: ${outcome.message}`;
  }
}

const blockText = (b: PublicAccessBlock | null): string => {
  if (!b) return 'Off (not configured).';
  const on = [
    b.blockPublicAcls && 'BlockPublicAcls',
    b.ignorePublicAcls && 'IgnorePublicAcls',
    b.blockPublicPolicy && 'BlockPublicPolicy',
    b.restrictPublicBuckets && 'RestrictPublicBuckets',
  ].filter(Boolean);
  return on.length === 0 ? 'All four switches off.' : `On: ${on.join(', ')}.`;
};

const accessText = {
  public: 'anyone may read all of it',
  partly: 'anyone may read part of it',
  none: 'grants no anonymous reads',
  denied: 'denies anonymous reads',
};

/** The capability report as table rows, in the order the panel shows them. */
export function capabilityRows(r: BucketCapabilityReport): CapabilityRow[] {
  const row = <T>(id: CapabilityRow['id'], label: string, outcome: ProbeOutcome<T>, say: (value: T) => string): CapabilityRow => ({
    id,
    label,
    text: words(outcome, say),
    status: outcome.status,
  });
  return [
    row('objectOwnership', 'Object Ownership', r.objectOwnership, (v) =>
      v === 'BucketOwnerEnforced'
        ? 'Bucket owner enforced: ACLs are disabled.'
        : v === 'none'
          ? 'Not set: object ACLs are taken.'
          : `${v}: object ACLs are taken.`,
    ),
    row('publicAccessBlock', 'Block Public Access (bucket)', r.publicAccessBlock, blockText),
    row('accountPublicAccessBlock', 'Block Public Access (account)', r.accountPublicAccessBlock, blockText),
    row('policyStatus', 'Policy status', r.policyStatus, (v) =>
      v.isPublic ? 'The server says the policy is public.' : 'The server says the policy is not public.',
    ),
    row('policyGrants', 'Bucket policy', r.policyGrants, (v) =>
      v.hasPolicy ? `public/*: ${accessText[v.public.access]}; private/*: ${accessText[v.private.access]}.` : 'No bucket policy.',
    ),
    row('versioning', 'Versioning', r.versioning, (v) => (v === 'Off' ? 'Never enabled.' : `${v}.`)),
    row('cors', 'CORS', r.cors, (v) =>
      v.rules === 0
        ? 'No CORS rules.'
        : `${v.rules} rule${v.rules === 1 ? '' : 's'}; browser uploads ${v.uploadRule ? 'allowed' : 'not allowed'}.`,
    ),
    row(
      'lifecycle',
      'Lifecycle',
      r.lifecycle,
      (v) =>
        `${v.rules === 0 ? 'No rules' : `${v.rules} rule${v.rules === 1 ? '' : 's'}`}; ${v.abortIncompleteDays === null ? 'incomplete multipart uploads are never aborted' : `incomplete multipart uploads aborted after ${v.abortIncompleteDays} days`}.`,
    ),
    row('encryption', 'Default encryption', r.encryption, (v) =>
      v.algorithm ? `${v.algorithm}${v.kmsKeyId ? ` (key ${v.kmsKeyId})` : ''}.` : 'None configured.',
    ),
  ];
}

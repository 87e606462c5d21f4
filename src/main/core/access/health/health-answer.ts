import { combinedBlock, publicAclsCount, publicPolicyCounts } from './block-public-access';
import type { BucketCapabilityReport, HealthAnswer, PublicMechanism } from '../../../../shared/model/bucket-health';

/**
 * The health panel's answers in plain words, from a probe report and the connection's CDN base
 * URL: how `public/` is made public, whether `private/` could be, and what else to know.
 */
export function healthAnswer(report: BucketCapabilityReport, publicBaseUrl: string | null): HealthAnswer {
  const bucketBlock = report.publicAccessBlock.status === 'ok' ? report.publicAccessBlock.value : null;
  const accountBlock = report.accountPublicAccessBlock.status === 'ok' ? report.accountPublicAccessBlock.value : null;
  // The account's switches apply to every bucket in it, on top of the bucket's own.
  const block = combinedBlock(bucketBlock, accountBlock);
  const level = (name: 'ignorePublicAcls' | 'restrictPublicBuckets' | 'blockPublicPolicy') =>
    bucketBlock?.[name] ? 'the bucket’s' : 'the account’s';
  const ownership = report.objectOwnership;
  const aclsOn = !(ownership.status === 'ok' && ownership.value === 'BucketOwnerEnforced');
  const aclsCount = aclsOn && publicAclsCount(block);
  const grants = report.policyGrants.status === 'ok' ? report.policyGrants.value : null;
  const policyCounts = publicPolicyCounts(block);
  const publicBy: PublicMechanism[] = [];
  if (aclsCount) publicBy.push('objectAcls');
  if (grants?.public.access === 'public' && policyCounts) publicBy.push('bucketPolicy');
  if (publicBaseUrl) publicBy.push('cdn');

  const ways: Record<PublicMechanism, string> = {
    objectAcls: 'object ACLs (a file under public/ is readable by anyone when its ACL grants public-read)',
    bucketPolicy: `the bucket policy (statement ${grants?.public.statements.join(', ') ?? ''} lets anyone GET public/*)`,
    cdn: `the CDN at ${publicBaseUrl ?? ''} (it serves what its origin lets it read)`,
    nothing: '',
  };
  const publicText =
    publicBy.length === 0
      ? 'Nothing makes public/ public on this bucket: its files can be read only with credentials or a presigned link. Apply the policy fix below, or set a CDN base URL on the connection.'
      : `public/ is made public by ${publicBy.map((m) => ways[m]).join('; and by ')}.`;

  const notes: string[] = [];
  if (grants?.public.access === 'partly')
    notes.push(`The bucket policy lets anyone read part of public/ only (${grants.public.statements.join(', ')}).`);
  if (grants?.public.access === 'denied')
    notes.push(`The bucket policy denies anonymous reads of public/ (${grants.public.statements.join(', ')}).`);
  if (grants?.public.access === 'public' && !policyCounts)
    notes.push(`Block Public Access (RestrictPublicBuckets, ${level('restrictPublicBuckets')}) makes the server ignore the public policy.`);
  if (aclsOn && !publicAclsCount(block))
    notes.push(`Block Public Access (IgnorePublicAcls, ${level('ignorePublicAcls')}) makes the server ignore public-read object ACLs.`);
  if (block.blockPublicPolicy)
    notes.push(
      `Block Public Access (BlockPublicPolicy, ${level('blockPublicPolicy')}) refuses a public bucket policy: the policy fix will fail until it is turned off.`,
    );
  if (report.lifecycle.status === 'ok' && report.lifecycle.value.abortIncompleteDays === null)
    notes.push('No lifecycle rule aborts incomplete multipart uploads: their parts are kept (and billed) until someone aborts them.');
  if (report.cors.status === 'ok' && !report.cors.value.uploadRule)
    notes.push('No CORS rule allows browser PUT and POST: upload links opened in a browser page cannot upload.');
  if (report.versioning.status === 'ok' && report.versioning.value === 'Enabled')
    notes.push('Versioning is on: every edit keeps the previous version.');

  let privateExposed: HealthAnswer['privateExposed'] = 'no';
  const privateWhy: string[] = [];
  if (grants && policyCounts && (grants.private.access === 'public' || grants.private.access === 'partly')) {
    privateExposed = grants.private.access === 'public' ? 'yes' : 'maybe';
    privateWhy.push(
      `the bucket policy lets anyone read ${grants.private.access === 'public' ? 'all' : 'part'} of private/ (${grants.private.statements.join(', ')})`,
    );
  }
  if (aclsCount) {
    if (privateExposed === 'no') privateExposed = 'maybe';
    privateWhy.push('a file there with a public-read ACL is readable by anyone (the inspector shows each file’s answer)');
  }
  if (report.policyGrants.status !== 'ok' && privateExposed === 'no') {
    privateExposed = 'maybe';
    privateWhy.push('the bucket policy could not be read');
  }
  const privateText =
    privateExposed === 'no'
      ? 'Nothing under private/ can be read without credentials or a presigned link.'
      : `Something under private/ ${privateExposed === 'yes' ? 'is' : 'could be'} public: ${privateWhy.join('; ')}.`;
  return { publicBy, publicText, privateExposed, privateText, notes };
}

import type { ExpiryDecision } from '../../../shared/model/share';
import type { GetSigner } from './bulk-get-signer';
import type { ResolvedConnection } from '../connections/connections-service';
import { endpointObjectUrl, publicObjectUrl } from '../s3/bucket-address';
import { downloadName } from '../../../shared/model/keys';
import { contentDisposition } from '../../../shared/model/content-disposition';
import { credentialLifetime } from './credential-lifetime';
import { decideExpiry } from './expiry-policy';
import type { DownloadRequest, LinkPlan } from './link-plan';
import { browserFetchable, withBrowserPathWarning } from './browser-fetchable';
import { checkAnonymousAccess, probeObject, type ProbeResult } from './object-probe';
import { presignGet } from './presign';

/** Resolves the signing credentials once and decides the expiry every link of a request shares. */
export async function resolveExpiry(conn: ResolvedConnection, requestedSeconds: number, now: Date): Promise<ExpiryDecision> {
  return decideExpiry(requestedSeconds, now, await credentialLifetime(conn.client));
}

/**
 * HEADs the object, then adds what the HEAD cannot know (see `withLinkChecks`).
 */
export async function probeForPlan(conn: ResolvedConnection, bucket: string, key: string, plan: LinkPlan): Promise<ProbeResult> {
  return withLinkChecks(conn, bucket, key, plan, await probeObject(conn.client, bucket, key));
}

/**
 * Adds to a probe what it cannot know: whether a browser can open the link as made (a key with
 * `.`/`..` segments), and for a public link to an existing object whether anonymous visitors may
 * read it at the endpoint (a CDN usually fetches from there too).
 */
export async function withLinkChecks(
  conn: ResolvedConnection,
  bucket: string,
  key: string,
  plan: LinkPlan,
  probe: ProbeResult,
): Promise<ProbeResult> {
  let checked = probe;
  // The anonymous check uses fetch, which rewrites a dot-segment path as a browser does: its answer would be about another key.
  if (plan.kind === 'public' && !probe.warning && probe.facts && browserFetchable(key)) {
    const warning = await checkAnonymousAccess(await endpointObjectUrl(conn.client, bucket, key));
    if (warning) checked = { ...probe, warning };
  }
  const warning = withBrowserPathWarning(key, plan.kind, checked.warning);
  return warning ? { ...checked, warning } : checked;
}

/** The `response-content-disposition` to sign, if any; the default file name is the key's last segment. */
export function dispositionFor(req: Pick<DownloadRequest, 'key' | 'disposition'>): string | undefined {
  if (!req.disposition) return undefined;
  const name = req.disposition.type === 'attachment' ? (req.disposition.filename ?? downloadName(req.key)) : downloadName(req.key);
  return contentDisposition(req.disposition.type, name);
}

/** Builds the URL the plan calls for: the key's public URL (CDN base when set, else the endpoint's), or a presigned GET (via `sign`). */
export async function downloadUrl(
  conn: ResolvedConnection,
  bucket: string,
  req: DownloadRequest,
  plan: LinkPlan,
  expiry: ExpiryDecision | null,
  signingDate: Date,
  sign: GetSigner = (spec) => presignGet(conn.client, spec),
): Promise<string> {
  if (plan.kind === 'public') {
    // The same address the inspector shows; the plan only makes public links for keys under the public root.
    const url = await publicObjectUrl(conn, bucket, req.key);
    if (!url) throw new Error('downloadUrl: a public link needs a key under the public root');
    return url;
  }
  if (!expiry) throw new Error('downloadUrl: a presigned link needs an expiry');
  const disposition = dispositionFor(req);
  return sign({
    bucket,
    key: req.key,
    seconds: expiry.seconds,
    signingDate,
    ...(disposition ? { contentDisposition: disposition } : {}),
    ...(req.contentType ? { contentType: req.contentType } : {}),
  });
}

import type { ParsedInput } from '../../../shared/contract';
import { revocationExplanation, type ExpiryDecision, type ShareLinkResult, type SharePreview } from '../../../shared/model/share';
import type { ResolvedConnection } from '../connections/connections-service';
import { dispositionFor, downloadUrl, probeForPlan, resolveExpiry } from './download-links';
import { explainDownload } from './link-explanation';
import { planDownload, type DownloadRequest, type LinkPlan } from './link-plan';
import type { LedgerRecord } from './link-ledger';
import type { ProbeResult } from './object-probe';
import { unsignedResource } from './object-url';
import { copyIfAsked, ledgerBase, rememberExpiry, requestedExpiry, type ShareRuntime } from './share-runtime';

type PreviewInput = ParsedInput<'share:preview'>;
type LinkInput = ParsedInput<'share:link'>;

/** Everything decided about one download link before it is signed. */
interface Prepared {
  conn: ResolvedConnection;
  now: Date;
  req: DownloadRequest;
  plan: LinkPlan;
  expiry: ExpiryDecision | null;
  probe: ProbeResult;
}

function downloadRequest(input: PreviewInput): DownloadRequest {
  return {
    key: input.key,
    mode: input.mode,
    ...(input.disposition ? { disposition: input.disposition } : {}),
    ...(input.contentType ? { contentType: input.contentType.trim() } : {}),
  };
}

async function prepare(rt: ShareRuntime, input: PreviewInput): Promise<Prepared> {
  const conn = rt.connections.resolve(input.connectionId);
  const now = rt.now();
  const req = downloadRequest(input);
  const plan = planDownload(conn.record, req);
  const requested = requestedExpiry(rt, 'download', input.connectionId, input.expiresInSeconds);
  // The credentials lookup and the HEAD are independent: run them together.
  const [expiry, probe] = await Promise.all([
    plan.kind === 'get' ? resolveExpiry(conn, requested, now) : Promise.resolve(null),
    probeForPlan(conn, input.bucket, input.key, plan),
  ]);
  return { conn, now, req, plan, expiry, probe };
}

function toPreview(p: Prepared): SharePreview {
  return {
    kind: p.plan.kind,
    route: p.plan.route,
    expiry: p.expiry,
    ...(p.probe.warning ? { warning: p.probe.warning } : {}),
    ...(p.probe.facts ? { object: p.probe.facts } : {}),
    explanation: explainDownload(p.plan.route, p.expiry, p.plan.reason, p.probe.warning),
  };
}

/** What a link would be (kind, expiry, cap, warnings), without signing or recording anything. */
export async function previewLink(rt: ShareRuntime, input: PreviewInput): Promise<SharePreview> {
  return toPreview(await prepare(rt, input));
}

/** The options that shaped a download link, as the ledger keeps them. */
export function downloadOptions(
  req: DownloadRequest,
  plan: LinkPlan,
  expiry: ExpiryDecision | null,
  warning?: string,
): LedgerRecord['options'] {
  const disposition = dispositionFor(req);
  return {
    route: plan.route,
    ...(expiry ? { requestedSeconds: expiry.requestedSeconds, seconds: expiry.seconds, cap: expiry.cap } : {}),
    ...(disposition ? { contentDisposition: disposition } : {}),
    ...(req.contentType ? { contentType: req.contentType } : {}),
    ...(warning ? { warning } : {}),
  };
}

/** Issues one download link: signs (or builds) it, records it, remembers the expiry, copies it. */
export async function issueLink(rt: ShareRuntime, input: LinkInput): Promise<ShareLinkResult> {
  const p = await prepare(rt, input);
  const url = await downloadUrl(p.conn, input.bucket, p.req, p.plan, p.expiry, p.now);
  const [ledgerId = 0] = rt.ledger.record([
    {
      ...ledgerBase(rt, p.conn, input.bucket, p.now, input.note),
      key: input.key,
      target: 'object',
      kind: p.plan.kind,
      expiresAt: p.expiry?.expiresAt ?? null,
      options: downloadOptions(p.req, p.plan, p.expiry, p.probe.warning?.code),
      resource: unsignedResource(url),
    },
  ]);
  if (p.plan.kind === 'get') rememberExpiry(rt, 'download', input.connectionId, input.expiresInSeconds);
  return {
    ...toPreview(p),
    url,
    bucket: input.bucket,
    key: input.key,
    expiresAt: p.expiry?.expiresAt ?? null,
    cap: p.expiry?.cap ?? null,
    ledgerId,
    copiedByMain: copyIfAsked(rt, url, input.copy),
    revocation: revocationExplanation,
  };
}

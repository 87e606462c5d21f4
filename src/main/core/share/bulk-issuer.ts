import type { ParsedInput } from '../../../shared/contract';
import type { ShareLinkRow, ShareLinksResult } from '../../../shared/model/share';
import { createBulkGetSigner } from './bulk-get-signer';
import { linksCsv, linksText } from './bulk-text';
import { downloadOptions } from './download-issuer';
import { downloadUrl, resolveExpiry, withLinkChecks } from './download-links';
import { checkExistence, headConcurrency } from './existence-check';
import { planDownload, type DownloadRequest } from './link-plan';
import type { LedgerRecord } from './link-ledger';
import { mapLimit } from '../../../shared/concurrency';
import { unsignedResource } from './object-url';
import { copyIfAsked, ledgerBase, rememberExpiry, requestedExpiry, type ShareRuntime } from './share-runtime';

type LinksInput = ParsedInput<'share:links'>;

/**
 * Links for a selection: one expiry decision (one credentials lookup) for all, an existence check
 * (a listing per busy folder, else HEADs; missing keys warn and still get a link), one ledger
 * transaction, and text/CSV forms.
 */
export async function issueLinks(rt: ShareRuntime, input: LinksInput): Promise<ShareLinksResult> {
  const conn = rt.connections.resolve(input.connectionId);
  const now = rt.now();
  const keys = [...new Set(input.keys)];
  const requests: DownloadRequest[] = keys.map((key) => ({
    key,
    mode: input.mode,
    ...(input.disposition ? { disposition: { type: input.disposition } } : {}),
  }));
  const plans = requests.map((req) => planDownload(conn.record, req));
  const needsExpiry = plans.some((plan) => plan.kind === 'get');
  const expiry = needsExpiry
    ? await resolveExpiry(conn, requestedExpiry(rt, 'download', input.connectionId, input.expiresInSeconds), now)
    : null;

  const [existence, sign] = await Promise.all([
    checkExistence(conn.client, input.bucket, keys),
    needsExpiry ? createBulkGetSigner(conn.client, input.bucket, keys[0] ?? '') : undefined,
  ]);
  const issued = await mapLimit(requests, headConcurrency, async (req, i) => {
    const plan = plans[i] ?? planDownload(conn.record, req);
    const probe = await withLinkChecks(conn, input.bucket, req.key, plan, existence.get(req.key) ?? {});
    const linkExpiry = plan.kind === 'get' ? expiry : null;
    const url = await downloadUrl(conn, input.bucket, req, plan, linkExpiry, now, sign);
    const row: ShareLinkRow = {
      key: req.key,
      url,
      kind: plan.kind,
      expiresAt: linkExpiry?.expiresAt ?? null,
      ...(probe.warning ? { warning: probe.warning } : {}),
    };
    const record: LedgerRecord = {
      ...ledgerBase(rt, conn, input.bucket, now, input.note),
      key: req.key,
      target: 'object',
      kind: plan.kind,
      expiresAt: row.expiresAt,
      options: { ...downloadOptions(req, plan, linkExpiry, probe.warning?.code), batch: keys.length },
      resource: unsignedResource(url),
    };
    return { row, record };
  });

  rt.ledger.record(issued.map((x) => x.record));
  if (needsExpiry) rememberExpiry(rt, 'download', input.connectionId, input.expiresInSeconds);
  const rows = issued.map((x) => x.row);
  const csv = linksCsv(rows);
  const text = linksText(rows, expiry);
  const warnings = rows.filter((r) => r.warning).length;
  const copied = input.copy === 'none' ? false : copyIfAsked(rt, input.copy === 'csv' ? csv : text, true);
  return {
    rows,
    expiry,
    csv,
    text,
    warnings,
    snippetIds: { text: rt.snippets.keep(text), csv: rt.snippets.keep(csv) },
    copiedByMain: copied,
    explanation: bulkExplanation(rows.length, warnings, expiry?.explanation),
  };
}

function bulkExplanation(count: number, warnings: number, expiryText: string | undefined): string {
  const links = `${count} link${count === 1 ? '' : 's'}.`;
  const warned = warnings > 0 ? ` ${warnings} of them ${warnings === 1 ? 'has a warning' : 'have warnings'} (see the rows).` : '';
  return `${links}${expiryText ? ` ${expiryText}` : ''}${warned}`;
}

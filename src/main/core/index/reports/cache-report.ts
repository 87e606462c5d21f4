import { objectColumns } from '../index-search';
import { scannedObjects, scopeOf, underRoot, unjudgedUnder, type IndexReport } from './report-kit';

const issueLabels = {
  missing: 'No Cache-Control',
  'no-cache': 'no-store / no-cache',
  'short-max-age': 'Short max-age on immutable media',
} as const;

/**
 * Cache headers: public objects without Cache-Control, with one that forbids caching, or with a
 * short max-age on content-hashed or immutable media (judged at scan time by `audit/cache-rules.ts`, stored in `object_scans.cache_issue`).
 */
export const cacheReport: IndexReport = async (ctx) => {
  const scope = scopeOf(ctx);
  const pub = underRoot(ctx, 'public');
  const params = { ...scope.params, ...pub.params };
  const from = `FROM ${scannedObjects} WHERE ${scope.where} AND ${pub.sql} AND o.scanned_at IS NOT NULL AND s.cache_issue IS NOT NULL`;
  const label = `CASE s.cache_issue ${Object.entries(issueLabels)
    .map(([id, text]) => `WHEN '${id}' THEN '${text}'`)
    .join(' ')} END`;
  const [rows, byIssue, unscanned] = await Promise.all([
    ctx.store.all<Record<string, string | number | null>>(
      `SELECT ${objectColumns}, ${label} AS issue, s.cache_control AS cacheControl, s.content_type AS contentType ${from} ORDER BY o.key LIMIT @limit OFFSET @offset`,
      params,
    ),
    ctx.store.all<{ issue: keyof typeof issueLabels; n: number }>(
      `SELECT s.cache_issue AS issue, count(*) AS n ${from} GROUP BY s.cache_issue`,
      params,
    ),
    unjudgedUnder(ctx, ['public']),
  ]);
  const count = (id: keyof typeof issueLabels) => byIssue.find((r) => r.issue === id)?.n ?? 0;
  const items = (Object.keys(issueLabels) as (keyof typeof issueLabels)[]).map((id) => ({ name: issueLabels[id], value: count(id) }));
  return {
    report: 'cacheHeaders',
    title: 'Cache headers',
    description: `Objects under ${ctx.roots.public} without Cache-Control, with no-store or no-cache, or with a short max-age on content-hashed or immutable media.`,
    columns: [
      { id: 'key', label: 'Key', kind: 'key' },
      { id: 'issue', label: 'Issue', kind: 'text' },
      { id: 'cacheControl', label: 'Cache-Control', kind: 'text' },
      { id: 'contentType', label: 'Content-Type', kind: 'text' },
      { id: 'size', label: 'Size', kind: 'bytes' },
    ],
    rows,
    offset: ctx.offset,
    total: items.reduce((sum, i) => sum + i.value, 0),
    figures: items.map((i) => ({ label: i.name, value: i.value, kind: 'count' as const })),
    chart: { kind: 'bars', title: 'Issues', items },
    notes:
      unscanned > 0
        ? [
            `${unscanned.toLocaleString('en-US')} public objects are not deep-scanned (or changed since): their headers are unknown until a deep scan.`,
          ]
        : [],
  };
};

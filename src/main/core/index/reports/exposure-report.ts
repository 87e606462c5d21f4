import { objectColumns } from '../index-search';
import { scalar, scannedObjects, scopeOf, underRoot, unjudgedUnder, type IndexReport } from './report-kit';

/**
 * Exposure: objects under the private root that anyone can read, and objects under the public
 * root that nobody can. From the deep scan (`object_scans.anyone_can_read`, judged from the ACL, the
 * bucket policy and Block Public Access); objects not scanned (or changed since: a sync clears
 * `scanned_at`) are counted in a note, not guessed at.
 */
export const exposureReport: IndexReport = async (ctx) => {
  const scope = scopeOf(ctx);
  const priv = underRoot(ctx, 'private');
  const pub = underRoot(ctx, 'public');
  const params = { ...scope.params, ...priv.params, ...pub.params };
  const finding = `CASE WHEN ${priv.sql} THEN 'private, readable by anyone' ELSE 'public, readable by nobody' END`;
  // public_read is what the ACL said (v2); anyone_can_read adds the policy and Block Public Access.
  const aclText = `CASE s.public_read WHEN 1 THEN 'public-read' WHEN 0 THEN 'private' ELSE 'disabled or unknown' END`;
  const match = `(${priv.sql} AND s.anyone_can_read = 1) OR (${pub.sql} AND s.anyone_can_read = 0)`;
  const from = `FROM ${scannedObjects} WHERE ${scope.where} AND o.scanned_at IS NOT NULL AND (${match})`;
  const [rows, privateExposed, publicUnreadable, unscanned] = await Promise.all([
    ctx.store.all<Record<string, string | number | null>>(
      `SELECT ${objectColumns}, ${finding} AS finding, ${aclText} AS acl, o.scanned_at AS scannedAt ${from} ORDER BY o.key LIMIT @limit OFFSET @offset`,
      params,
    ),
    scalar(
      ctx.store,
      `SELECT count(*) AS n FROM ${scannedObjects} WHERE ${scope.where} AND o.scanned_at IS NOT NULL AND ${priv.sql} AND s.anyone_can_read = 1`,
      params,
    ),
    scalar(
      ctx.store,
      `SELECT count(*) AS n FROM ${scannedObjects} WHERE ${scope.where} AND o.scanned_at IS NOT NULL AND ${pub.sql} AND s.anyone_can_read = 0`,
      params,
    ),
    unjudgedUnder(ctx, ['private', 'public'], 's.anyone_can_read IS NOT NULL'),
  ]);
  return {
    report: 'exposure',
    title: 'Exposure',
    description: `Objects under ${ctx.roots.private} that anyone can read, and objects under ${ctx.roots.public} that nobody can.`,
    columns: [
      { id: 'key', label: 'Key', kind: 'key' },
      { id: 'finding', label: 'Finding', kind: 'text' },
      { id: 'acl', label: 'Object ACL', kind: 'text' },
      { id: 'size', label: 'Size', kind: 'bytes' },
      { id: 'lastModified', label: 'Last modified', kind: 'date' },
      { id: 'scannedAt', label: 'Scanned', kind: 'date' },
    ],
    rows,
    offset: ctx.offset,
    total: privateExposed + publicUnreadable,
    figures: [
      { label: 'Private, readable by anyone', value: privateExposed, kind: 'count' },
      { label: 'Public, readable by nobody', value: publicUnreadable, kind: 'count' },
      { label: 'Not deep-scanned (or changed since)', value: unscanned, kind: 'count' },
    ],
    chart: {
      kind: 'bars',
      title: 'Findings',
      items: [
        { name: 'Private, readable by anyone', value: privateExposed },
        { name: 'Public, readable by nobody', value: publicUnreadable },
      ],
    },
    notes:
      unscanned > 0
        ? [
            `${unscanned.toLocaleString('en-US')} objects under the roots are not deep-scanned (or changed since their scan): run a deep scan to judge them.`,
          ]
        : [],
  };
};

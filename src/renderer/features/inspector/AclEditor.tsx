import { useState } from 'react';
import type { AclGrant, AclPermission, CannedAcl, Grantee } from '../../../shared/model/object-edit';
import type { EditorAcl } from '../../../shared/model/object-editor';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useSetAcl, type ObjectRefProps } from './use-object-editor';

const cannedAcls: { value: CannedAcl; label: string }[] = [
  { value: 'private', label: 'private (owner only)' },
  { value: 'public-read', label: 'public-read (anyone can read)' },
  { value: 'authenticated-read', label: 'authenticated-read (any signed-in AWS user)' },
  { value: 'bucket-owner-read', label: 'bucket-owner-read' },
  { value: 'bucket-owner-full-control', label: 'bucket-owner-full-control' },
  { value: 'public-read-write', label: 'public-read-write (anyone can overwrite: avoid)' },
];
const permissions: AclPermission[] = ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'];
const granteeKinds: { value: Grantee['kind']; label: string }[] = [
  { value: 'everyone', label: 'Everyone (anonymous)' },
  { value: 'authenticated-users', label: 'Authenticated users' },
  { value: 'log-delivery', label: 'Log delivery' },
  { value: 'user', label: 'Canonical user ID' },
  { value: 'email', label: 'E-mail' },
];

function granteeOf(kind: Grantee['kind'], text: string): Grantee {
  if (kind === 'user') return { kind, id: text };
  if (kind === 'email') return { kind, email: text };
  return { kind };
}
const textOf = (g: Grantee) => (g.kind === 'user' ? g.id : g.kind === 'email' ? g.email : '');

/** The ACL editor: a canned ACL in one click, or the grants table; read-only with the reason when ACLs cannot be changed. */
export function AclEditor({ acl, ...ref }: ObjectRefProps & { acl: EditorAcl }) {
  const [canned, setCanned] = useState<CannedAcl>('private');
  const [grants, setGrants] = useState<AclGrant[]>(acl.status === 'editable' ? acl.grants : []);
  const save = useSetAcl(ref);
  if (acl.status === 'readOnly') {
    return (
      <div className="acl-editor" data-testid="acl-editor" data-readonly="true">
        <p className="inspector-none" data-testid="acl-readonly-reason">
          {acl.reason}
        </p>
      </div>
    );
  }
  const update = (index: number, grant: AclGrant) => setGrants(grants.map((g, i) => (i === index ? grant : g)));
  return (
    <div className="acl-editor" data-testid="acl-editor" data-readonly="false">
      <div className="acl-canned">
        <select aria-label="Canned ACL" value={canned} onChange={(e) => setCanned(e.target.value as CannedAcl)} data-testid="acl-canned">
          {cannedAcls.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <Button onClick={() => save.mutate({ kind: 'canned', acl: canned })} busy={save.isPending} data-testid="acl-apply-canned">
          Apply
        </Button>
      </div>
      <table className="acl-grants-table" data-testid="acl-grants-table">
        <thead>
          <tr>
            <th>Grantee</th>
            <th>ID or e-mail</th>
            <th>Permission</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {grants.map((g, index) => (
            <tr key={index} data-testid="acl-grant-row">
              <td>
                <select
                  aria-label="Grantee"
                  value={g.grantee.kind}
                  onChange={(e) => update(index, { ...g, grantee: granteeOf(e.target.value as Grantee['kind'], textOf(g.grantee)) })}
                >
                  {granteeKinds.map((k) => (
                    <option key={k.value} value={k.value}>
                      {k.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {g.grantee.kind === 'user' || g.grantee.kind === 'email' ? (
                  <input
                    aria-label="Canonical user ID or e-mail"
                    value={textOf(g.grantee)}
                    onChange={(e) => update(index, { ...g, grantee: granteeOf(g.grantee.kind, e.target.value) })}
                  />
                ) : null}
              </td>
              <td>
                <select
                  aria-label="Permission"
                  value={g.permission}
                  onChange={(e) => update(index, { ...g, permission: e.target.value as AclPermission })}
                >
                  {permissions.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <Button variant="ghost" onClick={() => setGrants(grants.filter((_, i) => i !== index))}>
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="editor-actions">
        <Button
          variant="ghost"
          onClick={() => setGrants([...grants, { grantee: { kind: 'everyone' }, permission: 'READ' }])}
          data-testid="acl-add-grant"
        >
          Add grant
        </Button>
        <Button
          variant="primary"
          onClick={() => save.mutate({ kind: 'grants', grants })}
          busy={save.isPending}
          data-testid="acl-save-grants"
        >
          Save grants
        </Button>
      </div>
      {save.isError ? <ErrorBanner title="The ACL was not changed." message={save.error.message} testId="acl-save-error" /> : null}
    </div>
  );
}

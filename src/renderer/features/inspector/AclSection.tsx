import type { AclSummary } from '../../../shared/model/object-details';
import { Badge } from '../../ui/Badge';
import { aclHeadline } from './details-fields';
import { InspectorSection } from './InspectorSection';

/** Who may read or change the object, in one sentence, then each grant. */
export function AclSection({ acl }: { acl: AclSummary }) {
  const headline = aclHeadline(acl);
  return (
    <InspectorSection title="Access (ACL)" testId="inspector-acl">
      <p className={`acl-headline tone-${headline.tone}`} data-testid="acl-headline" data-tone={headline.tone}>
        {headline.text}
      </p>
      {acl.status === 'available' ? (
        <ul className="acl-grants" data-testid="acl-grants">
          {acl.owner ? (
            <li>
              <span className="acl-grantee">Owner</span> <code className="acl-value">{acl.owner.displayName ?? acl.owner.id ?? '—'}</code>
            </li>
          ) : null}
          {acl.grants.map((g, index) => (
            <li key={`${g.grantee}-${g.permission}-${index}`}>
              <span className="acl-grantee">{g.grantee}</span>{' '}
              <Badge tone={g.granteeKind === 'everyone' ? 'public' : 'neutral'}>{g.permission}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </InspectorSection>
  );
}

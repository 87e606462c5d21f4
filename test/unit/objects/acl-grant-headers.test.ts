import { describe, expect, it } from 'vitest';
import { grantHeadersOf } from '../../../src/main/core/objects/acl-grant-headers';

const allUsers = 'http://acs.amazonaws.com/groups/global/AllUsers';
const authenticated = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

describe('grantHeadersOf', () => {
  it('says every grant as an x-amz-grant-* header, several grantees of one permission comma-separated', () => {
    expect(
      grantHeadersOf([
        { Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' },
        { Grantee: { Type: 'Group', URI: authenticated }, Permission: 'READ' },
        { Grantee: { Type: 'Group', URI: allUsers }, Permission: 'READ' },
        { Grantee: { Type: 'AmazonCustomerByEmail', EmailAddress: 'ana@example.com' }, Permission: 'READ_ACP' },
        { Grantee: { Type: 'CanonicalUser', ID: 'editor' }, Permission: 'WRITE_ACP' },
      ]),
    ).toEqual({
      GrantFullControl: 'id="owner"',
      GrantRead: `uri="${authenticated}", uri="${allUsers}"`,
      GrantReadACP: 'emailAddress="ana@example.com"',
      GrantWriteACP: 'id="editor"',
    });
  });

  it('gives up (null) where a header cannot say a grant exactly: WRITE, a grantee without id or uri, a quote', () => {
    expect(grantHeadersOf([{ Grantee: { Type: 'CanonicalUser', ID: 'x' }, Permission: 'WRITE' }])).toBeNull();
    expect(grantHeadersOf([{ Grantee: { Type: 'CanonicalUser' }, Permission: 'READ' }])).toBeNull();
    expect(grantHeadersOf([{ Grantee: { Type: 'CanonicalUser', ID: 'a"b' }, Permission: 'READ' }])).toBeNull();
  });
});

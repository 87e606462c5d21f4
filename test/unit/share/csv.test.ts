import { describe, expect, it } from 'vitest';
import { linksCsv, linksText } from '../../../src/main/core/share/bulk-text';
import { csvCell, toCsv } from '../../../src/main/core/share/csv';
import { ledgerCsv, ledgerState } from '../../../src/main/core/share/ledger-csv';
import type { ExpiryDecision, LedgerEntry, ShareLinkRow } from '../../../src/shared/model/share';

describe('CSV (RFC 4180 with a formula guard)', () => {
  it('quotes only cells that need it, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const lead of ['+', '-', '@', '\t']) expect(csvCell(`${lead}1`)).toBe(`'${lead}1`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Numbers are data, not text a user typed.
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('ends every record with CRLF, header first', () => {
    expect(
      toCsv(
        ['k', 'v'],
        [
          ['a', 1],
          ['b,c', null],
        ],
      ),
    ).toBe('k,v\r\na,1\r\n"b,c",\r\n');
  });
});

const expiry: ExpiryDecision = {
  requestedSeconds: 3600,
  seconds: 3600,
  expiresAt: '2026-03-01T11:00:00.000Z',
  cap: 'requested',
  explanation: 'The link works for 1 hour.',
};

describe('bulk link text', () => {
  const signed: ShareLinkRow = { key: 'private/a.pdf', url: 'https://s3/a?x=1&y=2', kind: 'get', expiresAt: expiry.expiresAt };
  const open: ShareLinkRow = { key: 'public/=b.png', url: 'https://cdn/b.png', kind: 'public', expiresAt: null };
  const rows = [signed, open];

  it('writes key,url,expires_at with the guard on keys', () => {
    expect(linksCsv(rows)).toBe(
      'key,url,expires_at\r\nprivate/a.pdf,https://s3/a?x=1&y=2,2026-03-01T11:00:00.000Z\r\npublic/=b.png,https://cdn/b.png,\r\n',
    );
    expect(linksCsv([{ ...signed, key: '-rm.pdf' }])).toContain("'-rm.pdf,");
  });

  it('writes plain text: the deadline, then each key above its URL', () => {
    expect(linksText(rows, expiry)).toBe(
      'These links work until 2026-03-01 11:00:00 UTC. Public links among them do not expire.\n\n' +
        'private/a.pdf\nhttps://s3/a?x=1&y=2\n\npublic/=b.png\nhttps://cdn/b.png\n',
    );
    expect(linksText([open], null)).toMatch(/^These links are public and do not expire\./);
  });
});

describe('ledger CSV', () => {
  const entry: LedgerEntry = {
    id: 7,
    createdAt: '2026-03-01T10:00:00.000Z',
    connectionId: 'c-12345678',
    connectionName: 'Prod',
    bucket: 'media',
    key: 'private/x.pdf',
    target: 'object',
    kind: 'get',
    expiresAt: '2026-03-01T11:00:00.000Z',
    alive: false,
    osUser: 'support',
    note: '=cmd|"/c calc"!A1',
    options: { seconds: 3600, cap: 'requested' },
    resource: 'https://s3.example.com/media/private/x.pdf',
  };

  it('guards notes and says whether each link is alive', () => {
    const csv = ledgerCsv([entry, { ...entry, id: 8, kind: 'public', expiresAt: null, alive: true, note: null }]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,created_at,expires_at,state,kind,connection,bucket,key,target,os_user,note,options,resource');
    expect(lines[1]).toBe(
      `7,2026-03-01T10:00:00.000Z,2026-03-01T11:00:00.000Z,expired,get,Prod,media,private/x.pdf,object,support,"'=cmd|""/c calc""!A1",seconds=3600; cap=requested,https://s3.example.com/media/private/x.pdf`,
    );
    expect(lines[2]).toContain(',no expiry,public,');
    expect(ledgerState({ expiresAt: 'x', alive: true })).toBe('alive');
  });
});

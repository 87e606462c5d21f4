import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keyContains, trigramFold, trigramQuery } from '../../../src/main/core/index/trigram-fold';
import { trigramFoldRuns } from '../../../src/main/core/index/trigram-fold-table';

/*
 * The trigram index (detail=none since v8) only says which keys hold a name's trigrams; keyContains
 * decides. Both must fold case the same way, or a search finds a key through one and loses it in
 * the other: checked here against the tokenizer of the SQLite the app ships, code point by code point.
 */
describe("folding case as SQLite's trigram tokenizer does", () => {
  it('folds every code point as the tokenizer does', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'trigram')");
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
    db.transaction(() => {
      for (let c = 0; c < 0x110000; c += 1) if (c < 0xd800 || c >= 0xe000) insert.run(c, String.fromCodePoint(c).repeat(3));
    })();
    db.exec("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')");
    const differ: string[] = [];
    for (const row of db.prepare('SELECT term, doc FROM v').iterate() as Iterable<{ term: string; doc: number }>) {
      const folded = trigramFold(String.fromCodePoint(row.doc).repeat(3));
      if (folded !== row.term) differ.push(`U+${row.doc.toString(16)}: SQLite ${row.term}, ours ${folded}`);
    }
    db.close();
    expect(differ.slice(0, 10)).toEqual([]);
  }, 60_000);

  it('folds only KELVIN SIGN and LONG S from outside ASCII into it (what the SQL check of an ASCII name relies on)', () => {
    const intoAscii: number[] = [];
    for (const [first, count, step, offset] of trigramFoldRuns)
      for (let i = 0; i < count; i += 1) if (first + i * step >= 0x80 && first + i * step + offset < 0x80) intoAscii.push(first + i * step);
    expect(intoAscii.sort((a, b) => a - b)).toEqual([0x17f, 0x212a]);
  });

  it('matches a needle anywhere in a key, across case, as a phrase query would', () => {
    expect(keyContains('public/Holiday-2025.JPG', 'holiday-2025.jpg')).toBe(true);
    expect(keyContains('private/ÉCOLE/Straße.pdf', 'école/strasse')).toBe(false);
    expect(keyContains('private/ÉCOLE/Straße.pdf', 'école/straße')).toBe(true);
    // LONG S and KELVIN SIGN fold into ASCII; toLowerCase leaves LONG S alone.
    expect(keyContains('ſpring-\u212Aey', 'spring-key')).toBe(true);
    expect(keyContains('public/publicity', 'publid')).toBe(false);
  });

  it('asks the index for every distinct trigram, quoted', () => {
    expect(trigramQuery('abcab')).toBe('"abc" AND "bca" AND "cab"');
    expect(trigramQuery('a"b OR c')).toBe('"a""b" AND """b " AND "b O" AND " OR" AND "OR " AND "R c"');
    expect(trigramQuery('日本語の')).toBe('"日本語" AND "本語の"');
  });
});

import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportView, type ExportSource } from '../../../src/main/core/audit/audit-export';
import { noDialogs, type DialogPort } from '../../../src/main/core/dialogs/dialog-port';
import type { ReportRow } from '../../../src/shared/model/audit';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const saveTo = (file: string): DialogPort => ({ ...noDialogs, chooseSaveFile: () => Promise.resolve({ canceled: false, paths: [file] }) });

function source(rows: ReportRow[]): ExportSource {
  return {
    name: 'search',
    title: 'search results',
    columns: [
      { id: 'key', label: 'Key', kind: 'key' },
      { id: 'size', label: 'Size', kind: 'bytes' },
    ],
    page: (done, limit) => Promise.resolve(rows.slice(done, done + limit)),
  };
}

const hostile: ReportRow[] = [
  { key: '=HYPERLINK("http://x","y")', size: 1 },
  { key: '+1', size: 2 },
  { key: '-1', size: 3 },
  { key: '@SUM(A1)', size: 4 },
  { key: '\tcmd', size: 5 },
  { key: '\rcmd', size: 6 },
  { key: 'plain, "quoted"', size: null },
];

describe('exports of audit views', () => {
  it('writes CSV with every formula-looking cell neutralised by a leading quote', async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-export-'));
    const file = join(dir, 'out.csv');
    const result = await exportView(saveTo(file), source(hostile), 'csv', new Date('2026-01-01T00:00:00Z'));
    expect(result).toEqual({ saved: true, path: file, fileName: 'out.csv', rows: 7, truncated: false });
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines.slice(0, 7)).toEqual([
      'Key,Size',
      `"'=HYPERLINK(""http://x"",""y"")",1`,
      "'+1,2",
      "'-1,3",
      "'@SUM(A1),4",
      "'\tcmd,5",
      `"'\rcmd",6`,
    ]);
    expect(lines[7]).toBe('"plain, ""quoted""",');
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('writes JSON as an array of objects keyed by column, values unchanged', async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-export-'));
    const file = join(dir, 'out.json');
    await exportView(saveTo(file), source(hostile), 'json', new Date());
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(hostile.map((r) => ({ key: r.key, size: r.size })));
    await exportView(saveTo(file), source([]), 'json', new Date());
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('saves nothing when the dialog is cancelled, and says why when the host has none', async () => {
    const cancel: DialogPort = { ...noDialogs, chooseSaveFile: () => Promise.resolve({ canceled: true, paths: [] }) };
    expect(await exportView(cancel, source(hostile), 'csv', new Date())).toEqual({ saved: false });
    await expect(exportView(noDialogs, source(hostile), 'csv', new Date())).rejects.toMatchObject({ code: 'Forbidden' });
  });
});

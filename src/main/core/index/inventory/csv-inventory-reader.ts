import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../../../shared/errors';
import type { InventoryRecord } from './inventory-row';

/**
 * The records of an S3 Inventory CSV file (gzip, no header, fields in double quotes, `""` for a
 * quote), by the manifest's field names, in batches. Keys are URL-encoded in these files, so a
 * record is always one line.
 */
export async function* readCsvInventory(file: string, columns: readonly string[], batchSize: number): AsyncGenerator<InventoryRecord[]> {
  const gunzip = createGunzip();
  const lines = createInterface({ input: createReadStream(file).pipe(gunzip), crlfDelay: Infinity });
  let batch: InventoryRecord[] = [];
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (text === '') continue;
      const fields = splitCsvLine(text, line);
      const record: Record<string, string> = {};
      columns.forEach((name, i) => (record[name] = fields[i] ?? ''));
      batch.push(record);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('Z_'))
      throw new AppError('InvalidInput', `An inventory file is not valid gzip (${(error as Error).message}). Import the next report.`);
    throw error;
  }
  if (batch.length > 0) yield batch;
}

/** The fields of one CSV line: quoted or bare, separated by commas. */
export function splitCsvLine(line: string, lineNumber = 0): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new AppError('InvalidInput', `Inventory line ${lineNumber} has an unclosed quote. Import the next report.`);
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
    } else {
      const comma = line.indexOf(',', i);
      fields.push(line.slice(i, comma < 0 ? line.length : comma));
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) return fields;
    if (line[i] !== ',')
      throw new AppError('InvalidInput', `Inventory line ${lineNumber} is not CSV as S3 writes it. Import the next report.`);
    i += 1;
  }
}

// A minimal Parquet writer for tests: one row group, one uncompressed PLAIN data page per column,
// optional columns with RLE definition levels. Enough to make an S3 Inventory Parquet file in its
// documented schema and read it back with the app's reader (hyparquet); not a general writer.
// Format: "PAR1", column chunks, FileMetaData (Thrift compact protocol), its length, "PAR1".

export type ParquetColumn =
  | { name: string; type: 'utf8'; required: boolean; values: (string | null)[] }
  | { name: string; type: 'int64' | 'timestampMillis'; required: boolean; values: (number | null)[] }
  | { name: string; type: 'boolean'; required: boolean; values: (boolean | null)[] };

/** A Parquet file of the columns (all of one length), with `root` as the schema's name. */
export function writeParquet(root: string, columns: readonly ParquetColumn[]): Buffer {
  const rows = columns[0]?.values.length ?? 0;
  const parts: Buffer[] = [Buffer.from('PAR1')];
  let offset = 4;
  const chunks: Buffer[] = [];
  for (const column of columns) {
    const page = pageData(column);
    const header = struct([
      [1, 'i32', 0], // DATA_PAGE
      [2, 'i32', page.length],
      [3, 'i32', page.length],
      [
        5,
        'struct',
        struct([
          [1, 'i32', rows],
          [2, 'i32', 0],
          [3, 'i32', 3],
          [4, 'i32', 3],
        ]),
      ],
    ]);
    const size = header.length + page.length;
    const meta = struct([
      [1, 'i32', physical(column)],
      [2, 'list', { type: 'i32', items: [0, 3] }],
      [3, 'list', { type: 'binary', items: [Buffer.from(column.name)] }],
      [4, 'i32', 0], // UNCOMPRESSED
      [5, 'i64', rows],
      [6, 'i64', size],
      [7, 'i64', size],
      [9, 'i64', offset],
    ]);
    chunks.push(
      struct([
        [2, 'i64', offset],
        [3, 'struct', meta],
      ]),
    );
    parts.push(header, page);
    offset += size;
  }
  const schema = [
    struct([
      [4, 'binary', Buffer.from(root)],
      [5, 'i32', columns.length],
    ]),
    ...columns.map((c) => {
      const fields: Field[] = [
        [1, 'i32', physical(c)],
        [3, 'i32', c.required ? 0 : 1],
        [4, 'binary', Buffer.from(c.name)],
      ];
      if (c.type === 'utf8') fields.push([6, 'i32', 0]);
      if (c.type === 'timestampMillis') fields.push([6, 'i32', 9]);
      return struct(fields);
    }),
  ];
  const metadata = struct([
    [1, 'i32', 1],
    [2, 'list', { type: 'struct', items: schema }],
    [3, 'i64', rows],
    [
      4,
      'list',
      {
        type: 'struct',
        items: [
          struct([
            [1, 'list', { type: 'struct', items: chunks }],
            [2, 'i64', offset - 4],
            [3, 'i64', rows],
          ]),
        ],
      },
    ],
  ]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(metadata.length);
  parts.push(metadata, length, Buffer.from('PAR1'));
  return Buffer.concat(parts);
}

function physical(c: ParquetColumn): number {
  return c.type === 'boolean' ? 0 : c.type === 'utf8' ? 6 : 2;
}

/** Definition levels (optional columns only), then the present values, PLAIN. */
function pageData(column: ParquetColumn): Buffer {
  const out: Buffer[] = [];
  const values = column.values as unknown[];
  if (!column.required) {
    const levels = rleRuns(values.map((v) => (v === null ? 0 : 1)));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(levels.length);
    out.push(length, levels);
  }
  const present = values.filter((v) => v !== null);
  if (column.type === 'utf8') {
    for (const v of present as string[]) {
      const bytes = Buffer.from(v, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.length);
      out.push(length, bytes);
    }
  } else if (column.type === 'boolean') {
    const bits = Buffer.alloc(Math.ceil(present.length / 8));
    (present as boolean[]).forEach((v, i) => {
      if (v) bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7));
    });
    out.push(bits);
  } else {
    for (const v of present as number[]) {
      const b = Buffer.alloc(8);
      b.writeBigInt64LE(BigInt(v));
      out.push(b);
    }
  }
  return Buffer.concat(out);
}

/** Bit width 1 levels as RLE runs: varint(count << 1), then the value in one byte. */
function rleRuns(levels: number[]): Buffer {
  const out: number[] = [];
  for (let i = 0; i < levels.length;) {
    let j = i;
    while (j < levels.length && levels[j] === levels[i]) j++;
    out.push(...varint((j - i) << 1), levels[i] ?? 0);
    i = j;
  }
  return Buffer.from(out);
}

type Field = [number, 'i32' | 'i64', number] | [number, 'binary', Buffer] | [number, 'struct', Buffer] | [number, 'list', ListValue];
type ListValue = { type: 'i32'; items: number[] } | { type: 'binary'; items: Buffer[] } | { type: 'struct'; items: Buffer[] };

const typeIds = { i32: 5, i64: 6, binary: 8, list: 9, struct: 12 } as const;

/** A Thrift compact struct: field headers with deltas, zigzag varints, then a stop byte. */
function struct(fields: readonly Field[]): Buffer {
  const out: Buffer[] = [];
  let last = 0;
  for (const [id, type, value] of fields) {
    out.push(Buffer.from([((id - last) << 4) | typeIds[type]]));
    last = id;
    out.push(encode(type, value));
  }
  out.push(Buffer.from([0]));
  return Buffer.concat(out);
}

function encode(type: Field[1], value: Field[2]): Buffer {
  if (type === 'i32' || type === 'i64') return Buffer.from(varint(zigzag(value as number)));
  if (type === 'binary') return Buffer.concat([Buffer.from(varint((value as Buffer).length)), value as Buffer]);
  if (type === 'struct') return value as Buffer;
  const list = value as ListValue;
  const head =
    list.items.length < 15 ? [(list.items.length << 4) | typeIds[list.type]] : [0xf0 | typeIds[list.type], ...varint(list.items.length)];
  return Buffer.concat([Buffer.from(head), ...list.items.map((item) => encode(list.type, item))]);
}

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

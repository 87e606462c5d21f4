import { deflateSync } from 'node:zlib';

/** A small sample file for the demo bucket. */
export interface SampleObject {
  key: string;
  body: Uint8Array | string;
  contentType: string;
}

/** A valid solid-colour PNG, built by hand so the demo needs no image files in the repo. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF with a line of text. */
function tinyPdf(text: string): string {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  return `%PDF-1.4
1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>> endobj
4 0 obj <</Length ${stream.length}>> stream
${stream}
endstream endobj
5 0 obj <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>> endobj
trailer <</Root 1 0 R>>
%%EOF
`;
}

/** What the demo bucket holds: a little of everything the app shows, under both roots. */
export function sampleMedia(): SampleObject[] {
  return [
    { key: 'public/images/hero-blue.png', body: solidPng(320, 180, [40, 90, 200]), contentType: 'image/png' },
    { key: 'public/images/thumb-orange.png', body: solidPng(64, 64, [240, 140, 30]), contentType: 'image/png' },
    { key: 'public/css/site.css', body: 'body { font-family: system-ui; }\n', contentType: 'text/css' },
    { key: 'public/docs/press-kit.pdf', body: tinyPdf('Press kit'), contentType: 'application/pdf' },
    { key: 'public/video/', body: '', contentType: 'application/x-directory' },
    { key: 'private/contracts/acme-2026.pdf', body: tinyPdf('Contract: ACME 2026'), contentType: 'application/pdf' },
    { key: 'private/reports/q3 sales (final).csv', body: 'region,total\nnorth,1200\nsouth,900\n', contentType: 'text/csv' },
    { key: 'private/inbox/ticket-4711/notes.txt', body: 'Customer upload goes here.\n', contentType: 'text/plain' },
    {
      key: 'README.txt',
      body: 'Demo bucket for Bucket Admin. public/ is served to the world, private/ never is.\n',
      contentType: 'text/plain',
    },
  ];
}

/**
 * Writers for the two icon containers electron-builder takes as they are: Windows `.ico` and
 * macOS `.icns`, both holding PNG images. No npm package here does this, and both formats are a
 * small directory in front of the PNG bytes, so they are written by hand and read back in
 * test/shell/icon-containers.test.ts.
 */

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws on anything that is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(pngSignature) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG image (no PNG signature followed by an IHDR chunk).');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function squareSide(png: Buffer): number {
  const { width, height } = pngSize(png);
  if (width !== height) throw new Error(`Icon images must be square; got ${width}x${height}.`);
  return width;
}

/**
 * A Windows icon: ICONDIR (6 bytes), one 16-byte ICONDIRENTRY per image, then the PNGs.
 * PNG entries are read by Windows Vista and later at every size; a side of 256 is stored as 0.
 */
export function encodeIco(pngs: readonly Buffer[]): Buffer {
  if (pngs.length === 0 || pngs.length > 0xffff) throw new Error('An .ico holds between 1 and 65535 images.');
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(pngs.length, 4);
  const entries = Buffer.alloc(16 * pngs.length);
  let offset = header.length + entries.length;
  pngs.forEach((png, index) => {
    const side = squareSide(png);
    if (side < 1 || side > 256) throw new Error(`An .ico image is 1 to 256 pixels wide; got ${side}.`);
    const at = index * 16;
    entries.writeUInt8(side === 256 ? 0 : side, at); // width
    entries.writeUInt8(side === 256 ? 0 : side, at + 1); // height
    entries.writeUInt8(0, at + 2); // palette size: none
    entries.writeUInt8(0, at + 3); // reserved
    entries.writeUInt16LE(1, at + 4); // colour planes
    entries.writeUInt16LE(32, at + 6); // bits per pixel (RGBA)
    entries.writeUInt32LE(png.length, at + 8);
    entries.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, entries, ...pngs]);
}

/**
 * The icns element types that hold a PNG, by the pixel side they must have. `ic11`–`ic14` are
 * the Retina (@2x) slots of 16, 32, 128 and 256 points; `ic10` is 512 pt @2x.
 */
export const icnsPngTypes = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
} as const satisfies Record<string, number>;

export type IcnsPngType = keyof typeof icnsPngTypes;

/**
 * A macOS icon family: the magic `icns` and the file length, then per image a 4-character type,
 * its length including this 8-byte header, and the PNG (all integers big-endian).
 */
export function encodeIcns(images: ReadonlyArray<{ type: IcnsPngType; png: Buffer }>): Buffer {
  if (images.length === 0) throw new Error('An .icns holds at least one image.');
  const elements = images.map(({ type, png }) => {
    const side = squareSide(png);
    if (side !== icnsPngTypes[type]) throw new Error(`icns type ${type} holds a ${icnsPngTypes[type]} px image; got ${side} px.`);
    const header = Buffer.alloc(8);
    header.write(type, 0, 4, 'latin1');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const length = 8 + elements.reduce((sum, element) => sum + element.length, 0);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 4, 'latin1');
  header.writeUInt32BE(length, 4);
  return Buffer.concat([header, ...elements]);
}

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeIco, encodeIcns, icnsPngTypes, pngSize } from '../../scripts/lib/icon-containers';
import { buildIconFiles, icnsTypes, icoSizes, linuxSizes, renderPng, tileCrop } from '../../scripts/lib/icon-set';
import { decodePng, luminanceAt, maxChannelDifference } from './png-pixels';

const resources = join(import.meta.dirname, '../../resources');
const read = (path: string): Buffer => readFileSync(join(resources, path));
const svg = read('icon.svg');

/** An independent reader of the .ico directory: [side, png] per entry, checking every field. */
function readIco(file: Buffer): Array<[number, Buffer]> {
  expect(file.readUInt16LE(0)).toBe(0);
  expect(file.readUInt16LE(2)).toBe(1);
  const count = file.readUInt16LE(4);
  let expectedOffset = 6 + 16 * count;
  const images: Array<[number, Buffer]> = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    const width = file.readUInt8(at) || 256;
    const height = file.readUInt8(at + 1) || 256;
    expect(height).toBe(width);
    expect([file.readUInt8(at + 2), file.readUInt8(at + 3), file.readUInt16LE(at + 4), file.readUInt16LE(at + 6)]).toEqual([0, 0, 1, 32]);
    const size = file.readUInt32LE(at + 8);
    const offset = file.readUInt32LE(at + 12);
    expect(offset).toBe(expectedOffset);
    expectedOffset += size;
    images.push([width, file.subarray(offset, offset + size)]);
  }
  expect(expectedOffset).toBe(file.length);
  return images;
}

/** An independent reader of the .icns element list: [type, png] per element. */
function readIcns(file: Buffer): Array<[string, Buffer]> {
  expect(file.toString('latin1', 0, 4)).toBe('icns');
  expect(file.readUInt32BE(4)).toBe(file.length);
  const elements: Array<[string, Buffer]> = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    elements.push([file.toString('latin1', at, at + 4), file.subarray(at + 8, at + length)]);
    at += length;
  }
  return elements;
}

const png = (side: number): Buffer => renderPng(svg, side, tileCrop);

describe('encodeIco', () => {
  it('writes a directory an independent reader walks back to the same PNGs, 256 stored as 0', () => {
    const images = [png(16), png(48), png(256)];
    const file = encodeIco(images);
    expect(file.readUInt8(6 + 32)).toBe(0);
    expect(readIco(file)).toEqual([
      [16, images[0]],
      [48, images[1]],
      [256, images[2]],
    ]);
  });

  it('refuses images an .ico cannot hold', () => {
    expect(() => encodeIco([])).toThrow(/between 1 and 65535/);
    expect(() => encodeIco([renderPng(svg, 512, tileCrop)])).toThrow(/1 to 256 pixels/);
    expect(() => encodeIco([Buffer.from('GIF89a not a png at all....')])).toThrow(/Not a PNG/);
  });
});

describe('encodeIcns', () => {
  it('writes big-endian lengths that cover the file exactly, one element per image', () => {
    const images = [
      { type: 'icp4' as const, png: png(16) },
      { type: 'ic11' as const, png: png(32) },
    ];
    expect(readIcns(encodeIcns(images))).toEqual([
      ['icp4', images[0]?.png],
      ['ic11', images[1]?.png],
    ]);
  });

  it('refuses an image whose size does not fit its slot', () => {
    expect(() => encodeIcns([{ type: 'ic07', png: png(64) }])).toThrow(/ic07 holds a 128 px image; got 64/);
    expect(() => encodeIcns([])).toThrow(/at least one/);
  });
});

describe('committed icons in resources/', () => {
  it('icon.ico holds every Windows size up to the 256 px electron-builder requires', () => {
    const entries = readIco(read('icon.ico'));
    expect(entries.map(([side]) => side)).toEqual([...icoSizes]);
    for (const [side, image] of entries) expect(pngSize(image)).toEqual({ width: side, height: side });
  });

  it('icon.icns fills every PNG slot with an image of the slot’s size', () => {
    const elements = readIcns(read('icon.icns'));
    expect(elements.map(([type]) => type)).toEqual(icnsTypes);
    for (const [type, image] of elements) {
      const side = icnsPngTypes[type as keyof typeof icnsPngTypes];
      expect(pngSize(image), type).toEqual({ width: side, height: side });
    }
  });

  it('icon.png is 1024 px and icons/ holds exactly the Linux sizes, named NxN.png', () => {
    expect(pngSize(read('icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(readdirSync(join(resources, 'icons')).sort()).toEqual(linuxSizes.map((s) => `${s}x${s}.png`).sort());
    for (const side of linuxSizes) expect(pngSize(read(`icons/${side}x${side}.png`))).toEqual({ width: side, height: side });
  });

  it('match a fresh render of icon.svg (run `npm run icons` after editing the SVG)', () => {
    const imagesIn = (path: string, bytes: Buffer): Buffer[] =>
      path.endsWith('.ico') ? readIco(bytes).map(([, b]) => b) : path.endsWith('.icns') ? readIcns(bytes).map(([, b]) => b) : [bytes];
    for (const [path, fresh] of buildIconFiles(svg)) {
      const committed = imagesIn(path, read(path));
      const expected = imagesIn(path, fresh);
      expect(committed.length, path).toBe(expected.length);
      // Pixels, not bytes: another resvg build may compress differently yet draw the same icon.
      expected.forEach((image, i) => {
        expect(maxChannelDifference(decodePng(committed[i] ?? Buffer.alloc(0)), decodePng(image)), `${path} #${i}`).toBeLessThanOrEqual(2);
      });
    }
  });

  it('reads at 16 px: a light bucket with a dark opening on a darker tile', () => {
    const small = decodePng(read('icons/16x16.png'));
    const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const tile = luminanceAt(small, 1, 8);
    expect(contrast(luminanceAt(small, 7, 8), tile)).toBeGreaterThan(3);
    expect(luminanceAt(small, 7, 5)).toBeLessThan(tile);
  });

  const hasFile = existsSync('/usr/bin/file');
  it.skipIf(!hasFile)('are recognised by file(1) (Debian `file`)', () => {
    const describeFile = (path: string): string => execFileSync('/usr/bin/file', ['-b', join(resources, path)], { encoding: 'utf8' });
    expect(describeFile('icon.ico')).toContain(`MS Windows icon resource - ${icoSizes.length} icons`);
    expect(describeFile('icon.icns')).toContain('Mac OS X icon');
    expect(describeFile('icons/16x16.png')).toContain('PNG image data, 16 x 16');
  });
});

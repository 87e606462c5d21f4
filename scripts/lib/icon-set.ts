import { Resvg } from '@resvg/resvg-js';
import { encodeIco, encodeIcns, icnsPngTypes, type IcnsPngType } from './icon-containers';

/** A square region of the SVG's 1024-unit canvas. */
export interface CanvasBox {
  x: number;
  y: number;
  side: number;
}

/** macOS draws the whole canvas: Apple's grid keeps a margin around the 824-unit tile. */
export const appleGrid: CanvasBox = { x: 0, y: 0, side: 1024 };
/** Windows and Linux show icons edge to edge: the tile plus a 16-unit margin, so 16 px gets more of the bucket. */
export const tileCrop: CanvasBox = { x: 84, y: 84, side: 856 };

/** Sizes of the freedesktop icon set electron-builder installs into hicolor/<size>x<size>/apps. */
export const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** Sizes Windows asks an .ico for (shell, taskbar and high-DPI scales of each), up to 256. */
export const icoSizes = [16, 20, 24, 32, 40, 48, 64, 96, 128, 256] as const;
/** Every PNG slot of an icns, 16 pt to 512 pt @2x, as iconutil and electron-builder's own tool write them. */
export const icnsTypes = Object.keys(icnsPngTypes) as IcnsPngType[];

/** The PNG of `svg` at `side` pixels, showing `box` of its canvas. */
export function renderPng(svg: Buffer | string, side: number, box: CanvasBox): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: side }, font: { loadSystemFonts: false } });
  if (box !== appleGrid) {
    // resvg only crops through a BBox it created itself (a plain object is refused).
    const crop = resvg.getBBox();
    if (crop === undefined) throw new Error('The icon SVG draws nothing.');
    crop.x = box.x;
    crop.y = box.y;
    crop.width = box.side;
    crop.height = box.side;
    resvg.cropByBBox(crop);
  }
  const image = resvg.render();
  if (image.width !== side || image.height !== side) {
    throw new Error(`The icon SVG must be square: rendered ${image.width}x${image.height} for ${side} px.`);
  }
  return image.asPng();
}

/**
 * Every icon file electron-builder reads from `resources/`, by path relative to it: `icon.png`
 * (1024, the fallback for every platform), `icon.icns`, `icon.ico` and `icons/<n>x<n>.png`.
 */
export function buildIconFiles(svg: Buffer | string): Map<string, Buffer> {
  const cache = new Map<string, Buffer>();
  const png = (side: number, box: CanvasBox): Buffer => {
    const key = `${side}@${box.x}`;
    let image = cache.get(key);
    if (image === undefined) {
      image = renderPng(svg, side, box);
      cache.set(key, image);
    }
    return image;
  };
  const files = new Map<string, Buffer>();
  files.set('icon.png', png(1024, appleGrid));
  files.set('icon.icns', encodeIcns(icnsTypes.map((type) => ({ type, png: png(icnsPngTypes[type], appleGrid) }))));
  files.set('icon.ico', encodeIco(icoSizes.map((side) => png(side, tileCrop))));
  for (const side of linuxSizes) files.set(`icons/${side}x${side}.png`, png(side, tileCrop));
  return files;
}

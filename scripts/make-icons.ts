/**
 * `npm run icons`: renders resources/icon.svg into every icon file the installers need
 * (icon.png, icon.icns, icon.ico, icons/<n>x<n>.png). The outputs are committed, so packaging
 * never needs this script; test/shell/icons.test.ts fails when they fall behind the SVG.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildIconFiles } from './lib/icon-set';

const resourcesDir = resolve('resources');

function main(): void {
  const files = buildIconFiles(readFileSync(join(resourcesDir, 'icon.svg')));
  // Sizes dropped from the plan must not linger: electron-builder installs every NxN.png it finds.
  mkdirSync(join(resourcesDir, 'icons'), { recursive: true });
  for (const name of readdirSync(join(resourcesDir, 'icons'), { withFileTypes: true }).filter((e) => e.isFile())) {
    if (!files.has(`icons/${name.name}`)) rmSync(join(resourcesDir, 'icons', name.name));
  }
  for (const [path, bytes] of files) {
    const target = join(resourcesDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    console.log(`${path.padEnd(22)} ${String(bytes.length).padStart(8)} bytes`);
  }
}

main();

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  nativeImage: { createFromDataURL: vi.fn((url: string) => ({ kind: 'image', url })) },
}));
vi.mock('electron', () => electron);

const { createDragOutPort, dragIconPng } = await import('../../../src/main/electron/drag-out');

const dir = mkdtempSync(join(tmpdir(), 'bucket-admin-drag-port-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Electron's drag-out port", () => {
  it('starts the drag on the focused window with the file and the app icon', () => {
    const file = join(dir, 'photo.jpg');
    writeFileSync(file, 'x');
    const startDrag = vi.fn();
    expect(createDragOutPort(() => ({ startDrag })).startDrag(file)).toBe(true);
    expect(startDrag).toHaveBeenCalledTimes(1);
    const [item] = startDrag.mock.calls[0] as [{ file: string; icon: { url: string } }];
    expect(item.file).toBe(file);
    expect(item.icon.url).toBe(`data:image/png;base64,${dragIconPng}`);
  });

  it('starts nothing without a focused window or when the file is gone', () => {
    const startDrag = vi.fn();
    expect(createDragOutPort(() => null).startDrag(join(dir, 'photo.jpg'))).toBe(false);
    expect(createDragOutPort(() => ({ startDrag })).startDrag(join(dir, 'gone.jpg'))).toBe(false);
    expect(startDrag).not.toHaveBeenCalled();
  });

  it('carries the app icon resources/icons/32x32.png, byte for byte (macOS refuses an empty image)', () => {
    expect(Buffer.from(dragIconPng, 'base64').equals(readFileSync(join(__dirname, '../../../resources/icons/32x32.png')))).toBe(true);
  });
});

import { z } from 'zod';
import { keySchema } from './keys';
import { bucketRefSchema } from './bucket';

/**
 * Dragging a file row out of the listing onto the desktop or a file manager (`app:dragOut`).
 *
 * The OS drag (Electron's `webContents.startDrag`) must begin while the mouse button is still
 * down, from the page's `dragstart`, and it takes a file that already exists on disk. A download
 * cannot finish in that moment, so the file is fetched first ("prepare": on pressing the row, or
 * on a drag that found it missing) into a temp folder by the transfer engine, and a later drag
 * ("start") hands the finished file to the OS at once. See `core/app/drag-out-files.ts`.
 */

/** Whether this host can drag files out, and if not, why (the UI then offers no drag). */
export type DragOutSupport = { supported: true; maxBytes: number } | { supported: false; reason: string };

/** Files up to this size are fetched as soon as the row is pressed, so a drag right after finds them ready. */
export const dragOutPrefetchBytes = 16 * 1024 * 1024;

export const dragOutPhases = ['prepare', 'start'] as const;
export type DragOutPhase = (typeof dragOutPhases)[number];

export const dragOutInputSchema = bucketRefSchema
  .extend({
    /** One object (not a folder: a folder is dragged out with Download). */
    key: keySchema.refine((k) => k.length > 0 && !k.endsWith('/'), 'Drag out one file, not a folder.'),
    phase: z.enum(dragOutPhases),
  })
  .strict();
export type DragOutInput = z.infer<typeof dragOutInputSchema>;

/**
 * `ready`: the file is on disk (prepare finished); `started`: the OS drag began with it;
 * `preparing`: a drag came before the file was fetched: it is on its way, drag again shortly.
 */
export type DragOutResult = { state: 'ready'; fileName: string } | { state: 'started'; fileName: string } | { state: 'preparing' };

import { dragOutPrefetchBytes, type DragOutInput, type DragOutResult, type DragOutSupport } from '../../../shared/model/drag-out';
import type { Result } from '../../../shared/result';

/** The object a row stands for, as `app:dragOut` names it. */
export type DragOutTarget = Omit<DragOutInput, 'phase'>;

export interface DragOutDeps {
  /** `api.app.dragOut`. */
  request: (input: DragOutInput) => Promise<Result<DragOutResult>>;
  /** Says something in the folder's status line. */
  notify: (message: string) => void;
}

/** The part of the drag-out flow the listing drives: pressing a file row, and dragging it. */
export interface DragOutActions {
  /** A file row was pressed: fetch a small file now, so a drag right after finds it ready. */
  press(target: DragOutTarget, size: number): void;
  /** The row's `dragstart` (already default-prevented): main starts the OS drag if the file is ready. */
  drag(target: DragOutTarget): Promise<void>;
}

const fileName = (key: string) => key.slice(key.lastIndexOf('/') + 1);

/** Whether the listing offers dragging rows out at all (the browser host says it cannot). */
export function canDragOut(support: DragOutSupport | undefined): boolean {
  return support?.supported === true;
}

/**
 * The renderer's half of dragging a file out (the design is in `shared/model/drag-out.ts`): the
 * OS drag starts only with a file already on disk, so a drag that comes before it is fetched
 * says so, waits for the fetch, and asks for the drag again.
 */
export function createDragOut({ request, notify }: DragOutDeps): DragOutActions {
  return {
    press(target, size) {
      if (size <= dragOutPrefetchBytes) void request({ ...target, phase: 'prepare' });
    },
    async drag(target) {
      const started = await request({ ...target, phase: 'start' });
      if (!started.ok) {
        notify(started.error.message);
        return;
      }
      if (started.value.state !== 'preparing') return;
      const name = fileName(target.key);
      notify(`Getting ${name} ready to drag out…`);
      const ready = await request({ ...target, phase: 'prepare' });
      notify(ready.ok ? `${name} is ready: drag it out again.` : ready.error.message);
    },
  };
}

import { describe, expect, it } from 'vitest';
import { canDragOut, createDragOut } from '../../../src/renderer/features/browser/drag-out';
import { dragOutPrefetchBytes, type DragOutInput, type DragOutResult } from '../../../src/shared/model/drag-out';
import type { Result } from '../../../src/shared/result';

const target = { connectionId: 'c', bucket: 'media', key: 'private/shoot/photo.jpg' };

function setup(answers: Partial<Record<DragOutInput['phase'], Result<DragOutResult>>>) {
  const requests: DragOutInput[] = [];
  const notices: string[] = [];
  const drag = createDragOut({
    request: (input) => {
      requests.push(input);
      return Promise.resolve(answers[input.phase] ?? { ok: true, value: { state: 'ready', fileName: 'photo.jpg' } });
    },
    notify: (m) => void notices.push(m),
  });
  return { drag, requests, notices };
}

describe('drag out, renderer side', () => {
  it('prefetches small files on press, never big ones', () => {
    const { drag, requests } = setup({});
    drag.press(target, dragOutPrefetchBytes);
    drag.press(target, dragOutPrefetchBytes + 1);
    expect(requests.map((r) => r.phase)).toEqual(['prepare']);
  });

  it('says nothing when the drag started', async () => {
    const { drag, requests, notices } = setup({ start: { ok: true, value: { state: 'started', fileName: 'photo.jpg' } } });
    await drag.drag(target);
    expect(requests.map((r) => r.phase)).toEqual(['start']);
    expect(notices).toEqual([]);
  });

  it('when the file was not ready: says so, waits for it, and asks for the drag again', async () => {
    const { drag, notices } = setup({ start: { ok: true, value: { state: 'preparing' } } });
    await drag.drag(target);
    expect(notices).toEqual(['Getting photo.jpg ready to drag out…', 'photo.jpg is ready: drag it out again.']);
  });

  it('shows the refusal and fetch errors as main words them', async () => {
    const refused = setup({ start: { ok: false, error: { code: 'Unsupported', message: 'Use Download instead.' } } });
    await refused.drag.drag(target);
    expect(refused.notices).toEqual(['Use Download instead.']);
    const failed = setup({
      start: { ok: true, value: { state: 'preparing' } },
      prepare: { ok: false, error: { code: 'NotFound', message: 'private/shoot/photo.jpg no longer exists in the bucket.' } },
    });
    await failed.drag.drag(target);
    expect(failed.notices.at(-1)).toBe('private/shoot/photo.jpg no longer exists in the bucket.');
  });

  it('is offered only where the host says it is supported', () => {
    expect(canDragOut(undefined)).toBe(false);
    expect(canDragOut({ supported: false, reason: 'needs the desktop app' })).toBe(false);
    expect(canDragOut({ supported: true, maxBytes: 1 })).toBe(true);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createElectronDialogs, type OpenDialogOptions } from '../../../src/main/electron/electron-dialogs';
import { batchMessage, progressFor, showTransfersOnTaskbar } from '../../../src/main/electron/transfer-taskbar';
import { emptyTransferOverall, type TransferBatchView, type TransferOverall } from '../../../src/shared/model/transfer';

const overall = (o: Partial<TransferOverall>): TransferOverall => ({ ...emptyTransferOverall, ...o });
const batch = (counts: Partial<TransferBatchView['counts']>): TransferBatchView => ({
  id: 'b',
  direction: 'upload',
  connectionId: 'c',
  bucket: 'media',
  destination: 'public/x/',
  label: 'Shoot',
  state: 'done',
  itemCount: 3,
  counts: { queued: 0, active: 0, paused: 0, interrupted: 0, done: 0, failed: 0, cancelled: 0, skipped: 0, ...counts },
  bytesTotal: 0,
  bytesDone: 0,
  percent: 100,
  speed: 0,
  eta: null,
  createdAt: '',
});

describe('Electron dialogs adapter', () => {
  it('shows native dialogs on the focused window and returns the OS paths', async () => {
    const calls: Array<[unknown, OpenDialogOptions]> = [];
    const dialog = {
      showOpenDialog: vi.fn((a: unknown, b?: OpenDialogOptions) => {
        calls.push([a, b ?? (a as OpenDialogOptions)]);
        return Promise.resolve({ canceled: false, filePaths: ['/home/ann/Downloads'] });
      }),
    };
    const dialogs = createElectronDialogs(dialog as never, () => 'window');
    expect(await dialogs.chooseDownloadFolder()).toEqual({ canceled: false, paths: ['/home/ann/Downloads'] });
    expect(calls[0]?.[0]).toBe('window');
    expect(calls[0]?.[1].properties).toEqual(['openDirectory', 'createDirectory']);
    await dialogs.chooseFiles();
    expect(calls[1]?.[1].properties).toEqual(['openFile', 'multiSelections']);
  });

  it('reports a cancelled dialog as cancelled with no paths', async () => {
    const dialog = { showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: ['/ignored'] }) };
    expect(await createElectronDialogs(dialog as never, () => null).chooseFolder()).toEqual({ canceled: true, paths: [] });
  });
});

describe('taskbar progress and notifications', () => {
  it('maps the overall state to the bar', () => {
    expect(progressFor(overall({}))).toEqual({ progress: -1, mode: 'none' });
    expect(progressFor(overall({ active: 1, fraction: 0.5 }))).toEqual({ progress: 0.5, mode: 'normal' });
    expect(progressFor(overall({ paused: 2, fraction: 0.2 }))).toEqual({ progress: 0.2, mode: 'paused' });
    expect(progressFor(overall({ active: 1, failed: 1, fraction: 0.9 }))).toEqual({ progress: 0.9, mode: 'error' });
  });

  it('words the finished batch for a notification', () => {
    expect(batchMessage(batch({ done: 3 }))).toEqual({ title: 'Shoot: done', body: '3 files uploaded to media/public/x/.' });
    expect(batchMessage(batch({ done: 2, failed: 1 })).body).toMatch(/1 failed\. Open Transfers to retry\./);
    expect(batchMessage(batch({ done: 1, skipped: 2 })).body).toBe('1 file uploaded to media/public/x/; 2 skipped.');
    expect(batchMessage(batch({ cancelled: 3 })).title).toBe('Shoot: cancelled');
  });

  it('follows core events', () => {
    let listener: ((event: string, payload: unknown) => void) | undefined;
    const core = { onEvent: (l: (event: string, payload: unknown) => void) => ((listener = l), () => undefined) };
    const window = { setProgressBar: vi.fn() };
    const notifier = { notify: vi.fn(), windowFocused: () => false };
    showTransfersOnTaskbar(core as never, () => [window], notifier);
    listener?.('transfers:progress', { items: [], batches: [], overall: overall({ active: 1, fraction: 0.25 }) });
    expect(window.setProgressBar).toHaveBeenCalledWith(0.25, { mode: 'normal' });
    listener?.('transfers:batchFinished', { batch: batch({ done: 1 }) });
    expect(notifier.notify).toHaveBeenCalledWith('Shoot: done', '1 file uploaded to media/public/x/.');
  });
});

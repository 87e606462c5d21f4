import { useSyncExternalStore } from 'react';
import type { TransferItemView, TransferListResult, TransferProgressEvent } from '../../../shared/model/transfer';
import { afterClear, applyProgress, applySnapshot, emptyTransfers, newlyDone, type TransfersState } from './transfer-state';

type Listener = () => void;

/** Items fetched in one snapshot; more arrive through progress events as they change. */
export const snapshotLimit = 1_000;

/**
 * The one store of the transfers queue in the renderer. Main pushes throttled deltas; they only
 * update this store (no query refetches), and components read it with useSyncExternalStore.
 */
export class TransferStore {
  private state: TransfersState = emptyTransfers;
  private readonly listeners = new Set<Listener>();
  private readonly doneListeners = new Set<(items: TransferItemView[]) => void>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): TransfersState => this.state;

  /** Told of uploads that just finished (to refresh the folders they went to). */
  onUploadsDone(listener: (items: TransferItemView[]) => void): () => void {
    this.doneListeners.add(listener);
    return () => this.doneListeners.delete(listener);
  }

  snapshot(result: TransferListResult): void {
    this.set(applySnapshot(this.state, result));
  }

  progress(event: TransferProgressEvent): void {
    const done = newlyDone(this.state, event);
    this.set(applyProgress(this.state, event));
    if (done.length > 0) for (const listener of this.doneListeners) listener(done);
  }

  cleared(result: TransferListResult, batchId: string | undefined, includeFailed: boolean): void {
    this.set(afterClear(this.state, result, batchId, includeFailed));
  }

  private set(next: TransfersState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

export const transferStore = new TransferStore();

/** The queue as the renderer knows it; re-renders on every (throttled) change. */
export function useTransfers(): TransfersState {
  return useSyncExternalStore(transferStore.subscribe, transferStore.getSnapshot);
}

import { useSyncExternalStore } from 'react';

/** Whether the transfers panel is open: shared so the upload flow can open it when a batch starts. */
let open = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Opens or closes the transfers panel from anywhere in the renderer. */
export function setTransfersPanelOpen(value: boolean): void {
  if (open === value) return;
  open = value;
  for (const listener of listeners) listener();
}

/** The panel's open state and its setter. */
export function usePanelOpen(): [boolean, (value: boolean) => void] {
  return [useSyncExternalStore(subscribe, () => open), setTransfersPanelOpen];
}

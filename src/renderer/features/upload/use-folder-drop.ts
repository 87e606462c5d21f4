import { useState, type DragEvent } from 'react';
import { dragHasFiles } from './dropped-sources';

/**
 * Drop handling for a folder's listing: over a folder row the files go into that folder,
 * anywhere else into the open folder. `dropKey` is where a drop would land right now ('' never:
 * the open folder is `prefix`), null when nothing is dragged over, for the highlight.
 */
export function useFolderDrop(prefix: string, onDrop: (prefix: string, data: DataTransfer) => void) {
  const [dropKey, setDropKey] = useState<string | null>(null);
  const targetOf = (e: DragEvent): string => {
    const row = e.target instanceof Element ? e.target.closest('[role="row"].is-folder') : null;
    return row?.getAttribute('data-key') ?? prefix;
  };
  const handlers = {
    onDragOver: (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      const key = targetOf(e);
      if (key !== dropKey) setDropKey(key);
    },
    onDragLeave: (e: DragEvent) => {
      // Moving between children fires leave on the old one; only leaving the zone clears.
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropKey(null);
    },
    onDrop: (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      setDropKey(null);
      onDrop(targetOf(e), e.dataTransfer);
    },
  };
  return { dropKey, handlers };
}

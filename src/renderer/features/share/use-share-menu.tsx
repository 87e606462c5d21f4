import { Link, Link2, Share2, Upload } from 'lucide-react';
import { useCallback, useEffect, useRef } from 'react';
import type { ListEntry } from '../../../shared/model/bucket';
import type { MenuEntry } from '../../ui/ContextMenu';
import { useToast } from '../../ui/Toast';
import { useShare, type ShareActions } from './share-context';
import { copyLinkShortcutLabel, isCopyLinkShortcut, shareSelection, type ShareSelection } from './share-selection';

export interface ShareMenuPlace {
  connectionId: string;
  bucket: string;
  /** The open folder. */
  prefix: string;
  privateRoot: string;
}

const size = 14;

/** The share entries of the listing's context menu for a selection. Pure apart from the callbacks. */
export function shareMenuEntries(share: ShareActions, place: ShareMenuPlace, sel: ShareSelection): MenuEntry[] {
  const where = { connectionId: place.connectionId, bucket: place.bucket };
  const entries: MenuEntry[] = [];
  const [first] = sel.objectKeys;
  if (first !== undefined && sel.objectKeys.length === 1 && sel.folderCount === 0) {
    entries.push(
      {
        id: 'copy-link',
        label: 'Copy link',
        icon: <Link size={size} />,
        shortcut: copyLinkShortcutLabel,
        onSelect: () => share.copyLink({ ...where, key: first }),
      },
      {
        id: 'share-link',
        label: 'Share link…',
        icon: <Share2 size={size} />,
        onSelect: () => share.openLinkDialog({ ...where, key: first }),
      },
    );
  } else if (sel.objectKeys.length > 0) {
    const files = sel.folderCount > 0 ? ` (${sel.objectKeys.length.toLocaleString()} files)` : '';
    const hint = sel.folderCount > 0 ? 'Folders have no download link; only the selected files get one.' : undefined;
    entries.push(
      {
        id: 'copy-links',
        label: `Copy links${files}`,
        icon: <Link2 size={size} />,
        shortcut: copyLinkShortcutLabel,
        hint,
        onSelect: () => share.copyLinks({ ...where, keys: sel.objectKeys }),
      },
      {
        id: 'share-links',
        label: 'Links for selection…',
        icon: <Share2 size={size} />,
        hint,
        onSelect: () => share.openLinksDialog({ ...where, keys: sel.objectKeys }),
      },
    );
  }
  const prefix = sel.uploadPrefix;
  if (prefix !== null) {
    entries.push({
      id: 'upload-link',
      label: 'Upload link…',
      icon: <Upload size={size} />,
      onSelect: () => share.openUploadDialog({ ...where, prefix }),
    });
  }
  return entries;
}

/** The menu with the share entries as their own group, after Download when there is one. Pure. */
export function withShareEntries(base: readonly MenuEntry[], share: readonly MenuEntry[]): MenuEntry[] {
  if (share.length === 0) return [...base];
  const at = base.findIndex((e) => e !== 'separator' && e.id === 'download');
  if (at < 0) return [...base, 'separator', ...share];
  return [...base.slice(0, at + 1), 'separator', ...share, ...base.slice(at + 1)];
}

/** True while a dialog, a menu or a text field has the keyboard. */
function keyboardBusy(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[role="dialog"], [role="alertdialog"], [role="menu"]')) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Share for the open folder: adds the share entries to its context menu (`withShare`) and the
 * Ctrl/Cmd+Shift+L shortcut that copies the selection's link(s) with the last-used expiry.
 */
export function useShareMenu(place: ShareMenuPlace, selected: readonly ListEntry[]) {
  const share = useShare();
  const toast = useToast();
  const latest = useRef({ place, selected });
  useEffect(() => {
    latest.current = { place, selected };
  });

  const copySelection = useCallback(() => {
    const { place: p, selected: s } = latest.current;
    const sel = shareSelection(s, p.prefix, p.privateRoot);
    const where = { connectionId: p.connectionId, bucket: p.bucket };
    const [first] = sel.objectKeys;
    if (first === undefined) {
      toast.show({
        title: s.length === 0 ? 'Select a file to copy its link.' : 'Folders have no download link.',
        details: ['Select one or more files. For a folder, use Upload link… in its menu to let someone send files into it.'],
        testId: 'share-toast',
      });
    } else if (sel.objectKeys.length === 1) share.copyLink({ ...where, key: first });
    else share.copyLinks({ ...where, keys: sel.objectKeys });
  }, [share, toast]);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (!isCopyLinkShortcut(e) || keyboardBusy(e.target)) return;
      e.preventDefault();
      copySelection();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [copySelection]);

  const withShare = (base: readonly MenuEntry[]) =>
    withShareEntries(base, shareMenuEntries(share, place, shareSelection(selected, place.prefix, place.privateRoot)));
  return { withShare, copySelection };
}

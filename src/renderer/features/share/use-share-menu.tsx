import { Link, Share2, Upload } from 'lucide-react';
import { useCallback, useEffect, useRef } from 'react';
import type { ListEntry } from '../../../shared/model/bucket';
import type { MenuEntry } from '../../ui/ContextMenu';
import { useToast } from '../../ui/Toast';
import { useShare, type ShareActions } from './share-context';
import { shareSelection, type ShareSelection } from './share-selection';
import { commandMenuEntry } from '../../ui/commands/command-menu-entry';
import { useCommandHandler } from '../../ui/commands/command-registry';

export interface ShareMenuPlace {
  connectionId: string;
  bucket: string;
  /** The open folder. */
  prefix: string;
  privateRoot: string;
}

const size = 14;

/**
 * The share entries of the listing's context menu for a selection: the table's Copy link (it copies
 * one link or several), then the dialogs. Pure apart from the callbacks.
 */
export function shareMenuEntries(share: ShareActions, place: ShareMenuPlace, sel: ShareSelection, platform: string): MenuEntry[] {
  const where = { connectionId: place.connectionId, bucket: place.bucket };
  const entries: MenuEntry[] = [];
  const [first] = sel.objectKeys;
  if (first !== undefined) entries.push(commandMenuEntry('copy-link', platform, <Link size={size} />));
  if (first !== undefined && sel.objectKeys.length === 1 && sel.folderCount === 0) {
    entries.push({
      id: 'share-link',
      label: 'Share link…',
      icon: <Share2 size={size} />,
      onSelect: () => share.openLinkDialog({ ...where, key: first }),
    });
  } else if (sel.objectKeys.length > 0) {
    const hint = sel.folderCount > 0 ? 'Folders have no download link; only the selected files get one.' : undefined;
    entries.push({
      id: 'share-links',
      label: 'Links for selection…',
      icon: <Share2 size={size} />,
      hint,
      onSelect: () => share.openLinksDialog({ ...where, keys: sel.objectKeys }),
    });
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

/**
 * Share for the open folder: adds the share entries to its context menu (`withShare`) and runs
 * the table's `copy-link` command (Ctrl/Cmd+Shift+L, the menu, the palette): the selection's
 * link(s) with the last-used expiry.
 */
export function useShareMenu(place: ShareMenuPlace, selected: readonly ListEntry[], platform: string) {
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
  useCommandHandler('copy-link', copySelection);

  const withShare = (base: readonly MenuEntry[]) =>
    withShareEntries(base, shareMenuEntries(share, place, shareSelection(selected, place.prefix, place.privateRoot), platform));
  return { withShare, copySelection };
}

import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { BulkLinksDialog } from './BulkLinksDialog';
import type { ObjectTarget } from './link-form';
import { ShareContext, type FolderTarget, type KeysTarget, type ShareActions } from './share-context';
import { ShareLinkDialog } from './ShareLinkDialog';
import { UploadLinkDialog } from './UploadLinkDialog';
import { useOneClickCopy } from './use-one-click-copy';

type OpenDialog =
  { kind: 'link'; target: ObjectTarget } | { kind: 'links'; target: KeysTarget } | { kind: 'upload'; target: FolderTarget } | null;

/**
 * Gives the app its share actions (copy link, share dialogs, upload links) and renders the one
 * dialog open at a time. Needs a ToastProvider above it.
 */
export function ShareProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<OpenDialog>(null);
  const openLinkDialog = useCallback((target: ObjectTarget) => setOpen({ kind: 'link', target }), []);
  const openLinksDialog = useCallback((target: KeysTarget) => setOpen({ kind: 'links', target }), []);
  const openUploadDialog = useCallback((target: FolderTarget) => setOpen({ kind: 'upload', target }), []);
  const { copyLink, copyLinks } = useOneClickCopy({ openLinkDialog, openLinksDialog });
  const actions = useMemo<ShareActions>(
    () => ({ copyLink, copyLinks, openLinkDialog, openLinksDialog, openUploadDialog }),
    [copyLink, copyLinks, openLinkDialog, openLinksDialog, openUploadDialog],
  );
  const close = useCallback(() => setOpen(null), []);
  return (
    <ShareContext.Provider value={actions}>
      {children}
      {open?.kind === 'link' ? <ShareLinkDialog key={open.target.key} target={open.target} onClose={close} /> : null}
      {open?.kind === 'links' ? <BulkLinksDialog target={open.target} onClose={close} /> : null}
      {open?.kind === 'upload' ? <UploadLinkDialog target={open.target} onClose={close} /> : null}
    </ShareContext.Provider>
  );
}

import { createContext, useContext } from 'react';
import type { ObjectTarget } from './link-form';

/** Several objects of one bucket (a selection). */
export interface KeysTarget {
  connectionId: string;
  bucket: string;
  keys: readonly string[];
}

/** A folder someone should upload into. */
export interface FolderTarget {
  connectionId: string;
  bucket: string;
  /** Where uploads go by default (ends with /); the dialog lets the user change it. */
  prefix: string;
}

/** What any part of the app can ask the share feature to do. */
export interface ShareActions {
  /** One click: a link with the last-used expiry, copied, confirmed by a toast with "Options…". */
  copyLink: (target: ObjectTarget) => void;
  /** One click for a selection: links as plain text with the last-used expiry. */
  copyLinks: (target: KeysTarget) => void;
  /** The share dialog for one object: expiry, download options, note. */
  openLinkDialog: (target: ObjectTarget) => void;
  /** The selection dialog: links as text or CSV, rows with warnings. */
  openLinksDialog: (target: KeysTarget) => void;
  /** The upload link dialog (presigned POST or PUT). */
  openUploadDialog: (target: FolderTarget) => void;
}

export const ShareContext = createContext<ShareActions | null>(null);

/** The share actions of the nearest ShareProvider. */
export function useShare(): ShareActions {
  const actions = useContext(ShareContext);
  if (!actions) throw new Error('useShare needs a <ShareProvider> above it.');
  return actions;
}

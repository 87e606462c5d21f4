import { shareChannels } from '../../../shared/channels/share-channels';
import type { ChannelInput } from '../../../shared/contract';
import { secondsForChoice, type ExpiryChoice } from './expiry-choice';

/** One object to share. */
export interface ObjectTarget {
  connectionId: string;
  bucket: string;
  key: string;
}

/** How the browser should treat the file: its own default, save it, or show it. */
export type DispositionKind = 'default' | 'attachment' | 'inline';

/** What the share dialog's fields hold. */
export interface LinkFormValues {
  choice: ExpiryChoice;
  disposition: DispositionKind;
  /** Empty: S3 names the download after the key. */
  filename: string;
  contentType: string;
  note: string;
  /** Sign a link even for a public object (an expiring link instead of the plain URL). */
  signAnyway: boolean;
}

export type LinkField = 'expiry' | 'filename' | 'contentType' | 'note' | 'general';
export type LinkFormErrors = Partial<Record<LinkField, string>>;

export type LinkInput = ChannelInput<'share:link'>;
export type PreviewInput = ChannelInput<'share:preview'>;

export type BuiltLink = { ok: true; link: LinkInput; preview: PreviewInput } | { ok: false; errors: LinkFormErrors };

const fieldByPath: Record<string, LinkField> = {
  expiresInSeconds: 'expiry',
  'disposition.filename': 'filename',
  contentType: 'contentType',
  note: 'note',
};

/**
 * The `share:link` and `share:preview` inputs for the form, checked with the contract's own
 * schema so mistakes show beside their fields before main sees them (main checks again). Pure.
 */
export function buildLinkInput(values: LinkFormValues, target: ObjectTarget): BuiltLink {
  const errors: LinkFormErrors = {};
  const expiry = secondsForChoice(values.choice);
  if (!expiry.ok) errors.expiry = expiry.message;
  const filename = values.filename.trim();
  const contentType = values.contentType.trim();
  const note = values.note.trim();
  const preview: PreviewInput = {
    ...target,
    ...(expiry.ok ? { expiresInSeconds: expiry.seconds } : {}),
    mode: values.signAnyway ? 'presigned' : 'auto',
    ...(values.disposition === 'attachment' ? { disposition: { type: 'attachment', ...(filename ? { filename } : {}) } } : {}),
    ...(values.disposition === 'inline' ? { disposition: { type: 'inline' } } : {}),
    ...(contentType ? { contentType } : {}),
  };
  const link: LinkInput = { ...preview, ...(note ? { note } : {}), copy: true };
  const parsed = shareChannels['share:link'].input.safeParse(link);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = fieldByPath[issue.path.map(String).join('.')] ?? 'general';
    if (!errors[field]) errors[field] = issue.message;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, link, preview };
}

/** Starting values for an object: the given expiry and no options. */
export function initialLinkValues(choice: ExpiryChoice): LinkFormValues {
  return { choice, disposition: 'default', filename: '', contentType: '', note: '', signAnyway: false };
}

import { shareChannels } from '../../../shared/channels/share-channels';
import type { ChannelInput } from '../../../shared/contract';
import { secondsForChoice, type ExpiryChoice } from './expiry-choice';
import type { DispositionKind } from './link-form';
import type { KeysTarget } from './share-context';

/** What the selection dialog's fields hold. */
export interface LinksFormValues {
  choice: ExpiryChoice;
  disposition: DispositionKind;
  note: string;
  signAnyway: boolean;
}

export type LinksInput = ChannelInput<'share:links'>;
export type BuiltLinks = { ok: true; input: LinksInput } | { ok: false; errors: { expiry?: string; note?: string; general?: string } };

/**
 * The `share:links` input for a selection, checked with the contract's schema (at most 1,000
 * keys, a positive expiry, a printable note). `copy` says which form main copies. Pure.
 */
export function buildLinksInput(values: LinksFormValues, target: KeysTarget, copy: 'text' | 'csv' | 'none'): BuiltLinks {
  const errors: { expiry?: string; note?: string; general?: string } = {};
  const expiry = secondsForChoice(values.choice);
  if (!expiry.ok) errors.expiry = expiry.message;
  const note = values.note.trim();
  const input: LinksInput = {
    connectionId: target.connectionId,
    bucket: target.bucket,
    keys: [...target.keys],
    ...(expiry.ok ? { expiresInSeconds: expiry.seconds } : {}),
    mode: values.signAnyway ? 'presigned' : 'auto',
    ...(values.disposition !== 'default' ? { disposition: values.disposition } : {}),
    ...(note ? { note } : {}),
    copy,
  };
  const parsed = shareChannels['share:links'].input.safeParse(input);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = String(issue.path[0] ?? '');
    const field = path === 'expiresInSeconds' ? 'expiry' : path === 'note' ? 'note' : 'general';
    errors[field] ??= issue.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

import { shareChannels } from '../../../shared/channels/share-channels';
import type { ChannelInput } from '../../../shared/contract';
import { choiceForSeconds, secondsForChoice, type ExpiryChoice } from './expiry-choice';

export type SizeUnit = 'bytes' | 'KiB' | 'MiB' | 'GiB';
export const sizeUnits: readonly SizeUnit[] = ['bytes', 'KiB', 'MiB', 'GiB'];
const unitBytes: Record<SizeUnit, number> = { bytes: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** What the upload link dialog's fields hold (sizes as typed, with their unit). */
export interface UploadFormValues {
  method: 'post' | 'put';
  /** POST only: any name under a folder, or exactly one key. PUT is always one key. */
  target: 'prefix' | 'object';
  prefix: string;
  key: string;
  minAmount: string;
  minUnit: SizeUnit;
  maxAmount: string;
  maxUnit: SizeUnit;
  contentType: string;
  /** The user chose to let the uploader pick any type (no Content-Type condition). */
  anyContentType: boolean;
  choice: ExpiryChoice;
  note: string;
}

export type UploadField = 'prefix' | 'key' | 'minBytes' | 'maxBytes' | 'contentType' | 'expiry' | 'note' | 'general';
export type UploadErrors = Partial<Record<UploadField, string>>;
export type UploadInput = ChannelInput<'share:uploadLink'>;
export type BuiltUpload = { ok: true; input: UploadInput } | { ok: false; errors: UploadErrors };

/** Starting values: uploads into `prefix`, 1 byte to 100 MiB, the given expiry. */
export function initialUploadValues(prefix: string, expirySeconds: number): UploadFormValues {
  return {
    method: 'post',
    target: 'prefix',
    prefix,
    key: prefix,
    minAmount: '1',
    minUnit: 'bytes',
    maxAmount: '100',
    maxUnit: 'MiB',
    contentType: '',
    anyContentType: false,
    choice: choiceForSeconds(expirySeconds),
    note: '',
  };
}

/** "1.5" GiB → bytes (rounded); a clear message for blanks, words and negatives. Pure. */
export function parseSize(amount: string, unit: SizeUnit, what: string): { ok: true; bytes: number } | { ok: false; message: string } {
  const text = amount.trim().replace(',', '.');
  if (text === '') return { ok: false, message: `Enter ${what}, e.g. 10 MiB.` };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: `“${amount.trim()}” is not a number. Enter ${what}, e.g. 10 MiB.` };
  if (value < 0) return { ok: false, message: `${what.charAt(0).toUpperCase()}${what.slice(1)} cannot be negative.` };
  return { ok: true, bytes: Math.round(value * unitBytes[unit]) };
}

function fieldFor(path: string): UploadField {
  switch (path) {
    case 'target.prefix':
      return 'prefix';
    case 'target.key':
    case 'key':
      return 'key';
    case 'minBytes':
    case 'maxBytes':
    case 'contentType':
    case 'note':
      return path;
    case 'expiresInSeconds':
      return 'expiry';
    default:
      return 'general';
  }
}

/**
 * The `share:uploadLink` input for the form, checked with the contract's schema so each mistake
 * shows beside its field (prefix must end with /, sizes within 0–5 GiB, min ≤ max…). Pure.
 */
export function buildUploadInput(values: UploadFormValues, where: { connectionId: string; bucket: string }): BuiltUpload {
  const errors: UploadErrors = {};
  const expiry = secondsForChoice(values.choice);
  if (!expiry.ok) errors.expiry = expiry.message;
  const contentType = values.contentType.trim();
  const note = values.note.trim();
  const common = {
    ...where,
    ...(expiry.ok ? { expiresInSeconds: expiry.seconds } : {}),
    ...(note ? { note } : {}),
    ...(contentType && !values.anyContentType ? { contentType } : {}),
    anyContentType: values.anyContentType,
  };
  let input: UploadInput;
  if (values.method === 'put') {
    input = { ...common, method: 'put', key: values.key.trim() };
  } else {
    const min = parseSize(values.minAmount, values.minUnit, 'the smallest size');
    const max = parseSize(values.maxAmount, values.maxUnit, 'the largest size');
    if (!min.ok) errors.minBytes = min.message;
    if (!max.ok) errors.maxBytes = max.message;
    input = {
      ...common,
      method: 'post',
      target: values.target === 'prefix' ? { type: 'prefix', prefix: values.prefix.trim() } : { type: 'object', key: values.key.trim() },
      minBytes: min.ok ? min.bytes : 0,
      maxBytes: max.ok ? max.bytes : 1,
    };
  }
  const parsed = shareChannels['share:uploadLink'].input.safeParse(input);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = fieldFor(issue.path.map(String).join('.'));
    errors[field] ??= issue.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

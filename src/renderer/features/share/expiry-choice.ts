import { expiryPresets, maxPresignSeconds } from '../../../shared/model/share';

/** One of the offered expiries, or a custom length. */
export type PresetId = (typeof expiryPresets)[number]['id'];
export type CustomUnit = 'minutes' | 'hours' | 'days';

/** What the expiry picker holds; `amount` stays text so a half-typed number is not lost. */
export interface ExpiryChoice {
  preset: PresetId | 'custom';
  amount: string;
  unit: CustomUnit;
}

export const unitSeconds: Record<CustomUnit, number> = { minutes: 60, hours: 3_600, days: 86_400 };

/** Ten years: the contract refuses anything longer outright (between 7 days and this, main caps). */
const maxRequestSeconds = 10 * 365 * 86_400;

/** The picker's state for a number of seconds: a preset when one matches, else custom in the largest whole unit. */
export function choiceForSeconds(seconds: number): ExpiryChoice {
  const preset = expiryPresets.find((p) => p.seconds === seconds);
  if (preset) return { preset: preset.id, amount: '', unit: 'hours' };
  const unit: CustomUnit = seconds % 86_400 === 0 ? 'days' : seconds % 3_600 === 0 ? 'hours' : 'minutes';
  const amount = seconds / unitSeconds[unit];
  return { preset: 'custom', amount: String(Number.isInteger(amount) ? amount : Number(amount.toFixed(2))), unit };
}

export type ChoiceSeconds = { ok: true; seconds: number } | { ok: false; message: string };

/**
 * The seconds a choice asks for, or why it cannot be used. Anything beyond 7 days is still
 * sent: main caps it at 7 days and says so, which the preview shows.
 */
export function secondsForChoice(choice: ExpiryChoice): ChoiceSeconds {
  if (choice.preset !== 'custom') {
    const preset = expiryPresets.find((p) => p.id === choice.preset);
    return preset ? { ok: true, seconds: preset.seconds } : { ok: false, message: 'Choose how long the link works.' };
  }
  const text = choice.amount.trim().replace(',', '.');
  if (text === '') return { ok: false, message: `Enter how many ${choice.unit} the link works, e.g. 2.` };
  const amount = Number(text);
  if (!Number.isFinite(amount))
    return { ok: false, message: `“${choice.amount.trim()}” is not a number. Enter how many ${choice.unit}, e.g. 2 or 1.5.` };
  const seconds = Math.round(amount * unitSeconds[choice.unit]);
  if (seconds <= 0) {
    return { ok: false, message: 'An expiry of zero or less would give a link that never works. Enter a positive length, e.g. 2 hours.' };
  }
  if (seconds > maxRequestSeconds) {
    return { ok: false, message: 'That is longer than 10 years. A presigned link lives at most 7 days; choose 7 days or less.' };
  }
  return { ok: true, seconds };
}

/** A note shown under the picker before main answers, when the choice is over SigV4's limit. */
export function overCapHint(seconds: number, maxSeconds: number): string | null {
  if (seconds <= maxSeconds) return null;
  return maxSeconds < maxPresignSeconds
    ? 'Longer than the signing credentials last: the link will stop when they expire.'
    : 'Longer than 7 days: S3 signatures (SigV4) last at most 7 days, so the link will be capped at 7 days.';
}

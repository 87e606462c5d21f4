import { appSettingsSchema, type AppSettings, type ThemeChoice } from '../../../shared/model/settings';

/** The sheet's fields as typed (strings), so a half-typed number is kept and told about, not lost. */
export interface SettingsFormValues {
  parallelTransfers: string;
  partSizeAuto: boolean;
  partSizeMiB: string;
  bandwidthLimited: boolean;
  bandwidthLimitMiBps: string;
  defaultLinkExpiryMinutes: string;
  theme: ThemeChoice;
}

export type SettingsFormErrors = Partial<Record<keyof SettingsFormValues, string>>;

export function toFormValues(s: AppSettings): SettingsFormValues {
  return {
    parallelTransfers: String(s.parallelTransfers),
    partSizeAuto: s.partSizeMiB === 'auto',
    partSizeMiB: s.partSizeMiB === 'auto' ? '16' : String(s.partSizeMiB),
    bandwidthLimited: s.bandwidthLimitMiBps !== null,
    bandwidthLimitMiBps: s.bandwidthLimitMiBps === null ? '10' : String(s.bandwidthLimitMiBps),
    defaultLinkExpiryMinutes: String(Math.round(s.defaultLinkExpirySeconds / 60)),
    theme: s.theme,
  };
}

/** An empty or non-numeric field becomes NaN, which the schema refuses with its own words. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Which form field shows a schema issue on a settings key. */
const fieldOf: Record<keyof AppSettings, keyof SettingsFormValues> = {
  parallelTransfers: 'parallelTransfers',
  partSizeMiB: 'partSizeMiB',
  bandwidthLimitMiBps: 'bandwidthLimitMiBps',
  defaultLinkExpirySeconds: 'defaultLinkExpiryMinutes',
  theme: 'theme',
};

/** The settings the form says, checked with the contract's own schema (main checks them again). */
export function parseSettingsForm(v: SettingsFormValues): { ok: true; settings: AppSettings } | { ok: false; errors: SettingsFormErrors } {
  const parsed = appSettingsSchema.safeParse({
    parallelTransfers: num(v.parallelTransfers),
    partSizeMiB: v.partSizeAuto ? 'auto' : num(v.partSizeMiB),
    bandwidthLimitMiBps: v.bandwidthLimited ? num(v.bandwidthLimitMiBps) : null,
    defaultLinkExpirySeconds: num(v.defaultLinkExpiryMinutes) * 60,
    theme: v.theme,
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: SettingsFormErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof AppSettings | undefined;
    const field = key ? fieldOf[key] : undefined;
    // A union (part size) reports one issue per branch: keep the number's, which names the limits.
    if (field && (errors[field] === undefined || issue.code !== 'invalid_value')) errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

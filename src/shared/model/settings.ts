import { z } from 'zod';
import { maxPresignSeconds } from './share';

/**
 * App-wide settings (the Settings sheet), stored one row per field in state.sqlite's
 * `app_settings`. Per-connection things (upload defaults by root, the CDN base URL) stay with the
 * connection; this is what applies to every connection. The messages are the ones the sheet
 * shows under a field, so they say what is accepted.
 */

export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

/** Most files the queue moves at once: beyond 16 the engine's request cap (16) is the limit anyway. */
export const maxParallelTransfers = 16;

/** S3's part limits, in MiB (5 MiB to 5 GiB). */
export const partSizeLimitsMiB = { min: 5, max: 5_120 } as const;

/** Bandwidth limits accepted, in MiB/s: below 0.1 a 30 s stall check could trip between chunks. */
export const bandwidthLimitsMiB = { min: 0.1, max: 10_000 } as const;

const parallelTransfers = z
  .number('Give the number of parallel transfers as a whole number.')
  .int('Give the number of parallel transfers as a whole number.')
  .min(1, 'Parallel transfers must be at least 1.')
  .max(maxParallelTransfers, `Parallel transfers can be at most ${maxParallelTransfers}.`);

/** `auto`: 16 MiB, larger only when a file needs more than 10,000 parts; a number: that many MiB (still raised for huge files). */
const partSize = z.union([
  z.literal('auto'),
  z
    .number('Give the part size in MiB, or choose Automatic.')
    .int('Give the part size in whole MiB.')
    .min(partSizeLimitsMiB.min, `S3 parts are at least ${partSizeLimitsMiB.min} MiB.`)
    .max(partSizeLimitsMiB.max, `S3 parts are at most ${partSizeLimitsMiB.max} MiB (5 GiB).`),
]);

/** MiB per second for uploads and downloads together; null = no limit. */
const bandwidthLimit = z
  .number('Give the limit in MiB/s, or turn the limit off.')
  .min(bandwidthLimitsMiB.min, `The limit must be at least ${bandwidthLimitsMiB.min} MiB/s; turn it off for no limit.`)
  .max(bandwidthLimitsMiB.max, `The limit can be at most ${bandwidthLimitsMiB.max} MiB/s; turn it off for no limit.`)
  .nullable();

const defaultLinkExpiry = z
  .number('Give the default link expiry in seconds.')
  .int('Give the default link expiry in whole seconds.')
  .min(60, 'A link should live at least 1 minute.')
  .max(maxPresignSeconds, 'Presigned links live at most 7 days (SigV4).');

const theme = z.enum(themeChoices, 'Choose System, Light or Dark.');

/** Every app-wide setting with its schema; one row per key in `app_settings` (`settings.<key>`). */
export const appSettingsShape = {
  parallelTransfers,
  partSizeMiB: partSize,
  bandwidthLimitMiBps: bandwidthLimit,
  defaultLinkExpirySeconds: defaultLinkExpiry,
  theme,
} as const;

export const appSettingsSchema = z.object(appSettingsShape).strict();
export type AppSettings = z.infer<typeof appSettingsSchema>;
export type AppSettingKey = keyof AppSettings;

/** `settings:set` takes any subset; unknown keys are refused (a typo must not be silently dropped). */
export const appSettingsPatchSchema = appSettingsSchema.partial().strict();
export type AppSettingsPatch = z.infer<typeof appSettingsPatchSchema>;

export const defaultAppSettings: AppSettings = {
  parallelTransfers: maxParallelTransfers,
  partSizeMiB: 'auto',
  bandwidthLimitMiBps: null,
  defaultLinkExpirySeconds: 3_600,
  theme: 'system',
};

/** A bandwidth limit in bytes per second (null = unlimited), as the transfer engine's token bucket takes it. */
export function bandwidthBytesPerSecond(settings: Pick<AppSettings, 'bandwidthLimitMiBps'>): number | null {
  return settings.bandwidthLimitMiBps === null ? null : Math.round(settings.bandwidthLimitMiBps * 1024 * 1024);
}

/** What `settings:get` answers: the values, plus what the sheet shows but does not edit. */
export interface SettingsView {
  settings: AppSettings;
  defaults: AppSettings;
  /** Where state.sqlite and the index live, and how to move them (not editable at run time). */
  dataFolder: { path: string; howToChange: string };
  /** Where `main.log` is written (Electron), or where log lines go (the browser host). */
  logs: { location: string };
}

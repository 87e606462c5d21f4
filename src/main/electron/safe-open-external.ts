import { shell } from 'electron';

/** Longest URL we hand to the OS; real links are far shorter, and some handlers choke on huge ones. */
const maxUrlLength = 8192;

/**
 * True only for plain web links. `file:`, `javascript:`, `app:` and custom schemes can run
 * programs or reach local files through the OS handler, so the renderer may never open them.
 * URLs with embedded credentials (`https://bank.example@evil.example`) are refused as deceptive.
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > maxUrlLength) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** The only way the app opens a link in the user's browser; returns whether it did. */
export async function safeOpenExternal(url: unknown): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  // Pass the normalised form so the OS sees exactly what we validated.
  await shell.openExternal(new URL(url).href);
  return true;
}

/** The app's logging port: services log through it, hosts decide where lines go. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown): void;
}

/** Keys whose values are never written to a log, whatever object they sit in. */
const secretKeys = /secret|password|token|authorization|signature|credential|x-amz-security-token/i;

/** Replaces secret-looking fields, recursively, so a log line can never carry a credential. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = secretKeys.test(key) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

/** A logger writing JSON lines through `write` (a file stream in the app, stderr in dev). */
export function createJsonLogger(write: (line: string) => void): Logger {
  const line = (level: string, message: string, extra?: unknown) =>
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level, message, ...(extra === undefined ? {} : { extra: redact(extra) }) })}\n`,
    );
  return {
    info: (message, fields) => line('info', message, fields),
    warn: (message, fields) => line('warn', message, fields),
    error: (message, error) => line('error', message, error),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

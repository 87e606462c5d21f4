import { redact, type Logger } from '../logger';

/** A warning or error as the diagnostic report lists it: already redacted, and short. */
export interface ProblemEntry {
  time: string;
  level: 'warn' | 'error';
  message: string;
  detail?: string;
}

const maxDetailChars = 600;

/**
 * Wraps the app's logger so the last `capacity` warnings and errors are kept in memory for the
 * diagnostic report ("Copy diagnostic report"), redacted the same way as the log file's lines.
 */
export function recordProblems(inner: Logger, capacity = 20): { logger: Logger; recent: () => ProblemEntry[] } {
  const ring: ProblemEntry[] = [];
  const keep = (level: ProblemEntry['level'], message: string, extra: unknown) => {
    const detail = extra === undefined ? undefined : JSON.stringify(redact(extra));
    ring.push({
      time: new Date().toISOString(),
      level,
      message,
      ...(detail ? { detail: detail.length > maxDetailChars ? `${detail.slice(0, maxDetailChars)}…` : detail } : {}),
    });
    if (ring.length > capacity) ring.shift();
  };
  return {
    logger: {
      info: (message, fields) => inner.info(message, fields),
      warn: (message, fields) => {
        keep('warn', message, fields);
        inner.warn(message, fields);
      },
      error: (message, error) => {
        keep('error', message, error);
        inner.error(message, error);
      },
    },
    recent: () => [...ring],
  };
}

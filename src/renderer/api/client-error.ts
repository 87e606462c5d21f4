import { AppError, errorCodes, type AppErrorShape, type ErrorCode } from '../../shared/errors';
import type { Result } from '../../shared/result';

/**
 * An AppError rebuilt in the renderer from a failed Result. Components branch on `code`
 * (never on `message`) and show `message`, which main writes for people.
 */
export class ClientError extends AppError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'ClientError';
  }

  static fromShape(shape: AppErrorShape): ClientError {
    return new ClientError(knownCode(shape.code), shape.message, shape.details);
  }
}

/** A newer host may send a code this build does not know; treat it as Internal but keep its words. */
function knownCode(code: unknown): ErrorCode {
  return (errorCodes as readonly unknown[]).includes(code) ? (code as ErrorCode) : 'Internal';
}

/** Any thrown value as a ClientError, so every failure the UI sees has a code and a message. */
export function toClientError(error: unknown): ClientError {
  if (error instanceof ClientError) return error;
  if (error instanceof AppError) return new ClientError(error.code, error.message, error.details);
  const message = error instanceof Error && error.message ? error.message : String(error);
  return new ClientError(
    'Internal',
    `Something went wrong in the app window: ${message}. Reload the window; if it persists, check the log.`,
  );
}

/** Unwraps a Result into its value, or throws a ClientError carrying code, message and details. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch (error) {
    throw toClientError(error);
  }
  if (result.ok) return result.value;
  throw ClientError.fromShape(result.error);
}

import type { AppErrorShape } from './errors';

/** Every request's answer travels in this envelope, so errors keep their code across IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error });

import { z } from 'zod';

/** Carries a result type without a runtime value. */
export const returns = <T>(): T => undefined as T;

/** Input of channels that take nothing: exactly `{}`. */
export const noInput = z.object({}).strict();

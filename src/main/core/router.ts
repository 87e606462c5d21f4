import type { z } from 'zod';
import {
  channels,
  isChannel,
  type Channel,
  type ChannelResult,
  type EventName,
  type EventPayload,
  type ParsedInput,
} from '../../shared/contract';
import { AppError, isAppError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import type { Logger } from './logger';

/** Where a service sends push events; each host forwards them to its own renderer(s). */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface RequestContext {
  emit: EventSink;
}

/** One handler per channel; the type makes a missing channel a compile error. */
export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: RequestContext) => Promise<ChannelResult<C>>;
};

/** The handlers of one domain's channels (e.g. `keyof typeof browseChannels`). */
export type HandlersFor<C extends Channel> = Pick<Handlers, C>;

export interface Router {
  /** Validates channel and input, runs the handler, and always answers with an envelope. */
  handle(channel: unknown, input: unknown, ctx?: RequestContext): Promise<Result<unknown>>;
  readonly channels: readonly Channel[];
}

/** Largest request we accept before even parsing it (a connection draft is well under 10 KB). */
export const maxInputBytes = 256 * 1024;

export function createRouter(handlers: Handlers, logger: Logger): Router {
  return {
    channels: Object.keys(handlers) as Channel[],
    async handle(channel, input, ctx) {
      if (!isChannel(channel)) {
        return fail({
          code: 'InvalidInput',
          message: 'The app asked for something it does not offer. Restart the app; if it persists, report it.',
          details: { channel: typeof channel === 'string' ? channel.slice(0, 100) : typeof channel },
        });
      }
      const parsed = parseInput(channel, input);
      if (!parsed.ok) return parsed;
      try {
        const handler = handlers[channel] as (i: unknown, c: RequestContext) => Promise<unknown>;
        return ok(await handler(parsed.value, ctx ?? { emit: () => {} }));
      } catch (error) {
        if (isAppError(error)) return fail(error.toShape());
        logger.error(`Unexpected failure in ${channel}`, error);
        return fail(new AppError('Internal', 'Something went wrong inside the app. Try again; if it persists, check the log.').toShape());
      }
    },
  };
}

function parseInput(channel: Channel, input: unknown): Result<unknown> {
  const schema: z.ZodType = channels[channel].input;
  if (tooLarge(input)) {
    return fail({ code: 'InvalidInput', message: 'The request is too large.', details: { channel } });
  }
  const result = schema.safeParse(input);
  if (result.success) return ok(result.data);
  const issues = result.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return fail({
    code: 'InvalidInput',
    message: first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'The request is not valid.',
    details: { channel, issues },
  });
}

function tooLarge(input: unknown): boolean {
  try {
    // JSON.stringify(undefined) is undefined at run time, whatever its type says.
    const text = JSON.stringify(input) as string | undefined;
    return (text?.length ?? 0) > maxInputBytes;
  } catch {
    return true; // cycles and BigInts cannot be a valid request either
  }
}

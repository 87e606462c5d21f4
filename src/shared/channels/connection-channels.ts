import { z } from 'zod';
import { connectionDraftSchema, connectionIdSchema, type Connection, type ConnectionTestReport } from '../model/connection';
import { noInput, returns } from './define';

export const connectionChannels = {
  'connections:list': { input: noInput, result: returns<Connection[]>() },
  'connections:add': { input: connectionDraftSchema, result: returns<Connection>() },
  'connections:update': {
    input: z.object({ id: connectionIdSchema, draft: connectionDraftSchema }).strict(),
    result: returns<Connection>(),
  },
  'connections:remove': {
    input: z.object({ id: connectionIdSchema }).strict(),
    result: returns<{ removed: boolean }>(),
  },
  /** Test a saved connection by id, or a draft before saving (with `id` to reuse a stored secret). */
  'connections:test': {
    input: z.union([
      z.object({ id: connectionIdSchema }).strict(),
      z.object({ draft: connectionDraftSchema, id: connectionIdSchema.optional() }).strict(),
    ]),
    result: returns<ConnectionTestReport>(),
  },
  /** Profile names found in the shared AWS config and credentials files. */
  'connections:profiles': { input: noInput, result: returns<string[]>() },
} as const;

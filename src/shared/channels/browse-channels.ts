import { z } from 'zod';
import { bucketRefSchema, keySchema, type ListPage } from '../model/bucket';
import { returns } from './define';

export const browseChannels = {
  'browse:list': {
    input: bucketRefSchema
      .extend({
        prefix: keySchema,
        continuationToken: z.string().max(4096).optional(),
        pageSize: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    result: returns<ListPage>(),
  },
} as const;

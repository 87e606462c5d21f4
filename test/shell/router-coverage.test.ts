import { describe, expect, it } from 'vitest';
import { channelNames } from '../../src/shared/contract';
import { createHandlers, type HandlerDeps } from '../../src/main/core/handlers';

describe('core router', () => {
  it('has a handler for every contract channel and no extra ones', () => {
    // The handlers are only listed, never called, so empty collaborators are enough.
    const handlers = createHandlers({ info: {}, connections: {}, jobs: {} } as unknown as HandlerDeps);
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
    for (const channel of channelNames) expect(typeof handlers[channel]).toBe('function');
  });
});

import type { connectionChannels } from '../../../shared/channels/connection-channels';
import type { HandlersFor } from '../router';
import { testConnection } from './connection-tester';
import type { ConnectionsService } from './connections-service';
import { listProfiles } from './credential-source';

/** Connection channels mapped onto the connections service. */
export function createConnectionHandlers(connections: ConnectionsService): HandlersFor<keyof typeof connectionChannels> {
  return {
    'connections:list': () => Promise.resolve(connections.list()),
    'connections:add': (draft) => Promise.resolve(connections.add(draft)),
    'connections:update': ({ id, draft }) => Promise.resolve(connections.update(id, draft)),
    'connections:remove': ({ id }) => Promise.resolve({ removed: connections.remove(id) }),
    'connections:test': (input) =>
      testConnection('draft' in input ? connections.resolveDraft(input.draft, input.id) : connections.resolve(input.id)),
    'connections:profiles': () => listProfiles(),
  };
}

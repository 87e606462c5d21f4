import type { browseChannels } from '../../../shared/channels/browse-channels';
import type { ConnectionsService } from '../connections/connections-service';
import type { HandlersFor } from '../router';
import { listFolderPage } from './folder-lister';

/** Browse channels: folder listings and (later) object details, previews and folder actions. */
export function createBrowseHandlers(connections: ConnectionsService): HandlersFor<keyof typeof browseChannels> {
  return {
    'browse:list': ({ connectionId, ...req }) => listFolderPage(connections.resolve(connectionId), req),
  };
}

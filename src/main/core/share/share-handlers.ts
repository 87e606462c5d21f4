import type { shareChannels } from '../../../shared/channels/share-channels';
import type { HandlersFor } from '../router';
import type { ShareService } from './share-service';

/** Share channels mapped onto the share service. */
export function createShareHandlers(share: ShareService): HandlersFor<keyof typeof shareChannels> {
  return {
    'share:defaults': ({ connectionId }) => share.defaults(connectionId),
    'share:preview': (input) => share.preview(input),
    'share:link': (input) => share.link(input),
    'share:links': (input) => share.links(input),
    'share:uploadLink': (input) => share.uploadLink(input),
    'share:copySnippet': ({ snippetId }) => Promise.resolve(share.copySnippet(snippetId)),
    'share:ledger': ({ offset, limit, ...filter }) => Promise.resolve(share.ledger(filter, offset, limit)),
    'share:ledgerExport': (filter) => share.ledgerExport(filter),
  };
}

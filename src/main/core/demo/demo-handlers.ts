import type { demoChannels } from '../../../shared/channels/demo-channels';
import type { HandlersFor } from '../router';
import type { DemoService } from './demo-service';

/** The demo channels. */
export function createDemoHandlers(demo: DemoService): HandlersFor<keyof typeof demoChannels> {
  return {
    'demo:status': () => demo.status(),
    'demo:start': () => demo.start(),
  };
}

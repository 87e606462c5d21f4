import { arch, release } from 'node:os';
import type { appChannels } from '../../../shared/channels/app-channels';
import type { AppInfo } from '../../../shared/model/app';
import type { ConnectionsService } from '../connections/connections-service';
import type { HandlersFor } from '../router';
import type { SettingsService } from '../settings/settings-service';
import { diagnosticReport } from './diagnostic-report';
import type { DragOutFiles } from './drag-out-files';
import type { LogsPort } from './logs-port';
import type { ProblemEntry } from './recent-problems';

export interface AppHandlerDeps {
  info: AppInfo;
  /** Settles once start-up work that may add to `info.notices` (opening the object index) is done. */
  startup: Promise<void>;
  logs: LogsPort;
  recentProblems: () => ProblemEntry[];
  settings: Pick<SettingsService, 'settings'>;
  connections: Pick<ConnectionsService, 'list'>;
  dragOut: Pick<DragOutFiles, 'handle'>;
}

/** App channels: what the renderer may know about the host it runs in, its logs, the diagnostic report, and dragging files out. */
export function createAppHandlers(deps: AppHandlerDeps): HandlersFor<keyof typeof appChannels> {
  const { info, startup, logs } = deps;
  return {
    'app:info': async () => {
      await startup;
      return info;
    },
    'app:revealLogs': async () => ({ opened: await logs.reveal(), location: logs.location }),
    'app:diagnostics': () =>
      Promise.resolve({
        text: diagnosticReport({
          info,
          runtime: { versions: { ...process.versions }, arch: arch(), osRelease: release() },
          settings: deps.settings.settings,
          connections: deps.connections.list(),
          problems: deps.recentProblems(),
          logsLocation: logs.location,
          now: new Date(),
        }),
      }),
    // No await before `handle`: a `start` reaches the OS drag in the same turn as the request.
    'app:dragOut': (input) => deps.dragOut.handle(input),
  };
}

import type { AppInfo } from '../../../shared/model/app';
import type { Connection } from '../../../shared/model/connection';
import type { AppSettings } from '../../../shared/model/settings';
import type { ProblemEntry } from './recent-problems';

export interface DiagnosticInputs {
  info: Pick<AppInfo, 'version' | 'host' | 'platform' | 'dataDir'>;
  /** `process.versions` (Node, Electron, Chrome, V8…) and the OS, from the host. */
  runtime: { versions: Record<string, string | undefined>; arch: string; osRelease: string };
  settings: AppSettings;
  connections: readonly Connection[];
  problems: readonly ProblemEntry[];
  logsLocation: string;
  now: Date;
}

/**
 * The report "Copy diagnostic report" puts on the clipboard: what a maintainer needs to start
 * (versions, platform, settings, how connections are set up, the last warnings and errors) and
 * nothing a bug report must not carry: no names, endpoints, buckets, key IDs or secrets of
 * connections (only how many and of which kind), and problem details redacted like the log.
 */
export function diagnosticReport(inputs: DiagnosticInputs): string {
  const { info, runtime, settings, connections, problems } = inputs;
  const versions = ['electron', 'chrome', 'node', 'v8']
    .map((name) => (runtime.versions[name] ? `${name} ${runtime.versions[name]}` : undefined))
    .filter((v): v is string => v !== undefined)
    .join(', ');
  const lines = [
    `Bucket Admin ${info.version} (${info.host} host)`,
    `Report made ${inputs.now.toISOString()}`,
    `Platform: ${info.platform} ${runtime.arch}, OS release ${runtime.osRelease}`,
    `Runtime: ${versions}`,
    `Logs: ${inputs.logsLocation}`,
    '',
    'Settings:',
    ...Object.entries(settings).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`),
    '',
    `Connections: ${connections.length}`,
    ...connections.map(
      (c, i) =>
        `  #${i + 1}: ${c.credentials.kind === 'keys' ? `access keys${c.credentials.hasSessionToken ? ' + session token' : ''}` : 'AWS profile'}, ` +
        `${c.endpoint ? 'custom endpoint' : 'AWS'}, engine ${c.transferEngine}, path-style ${c.forcePathStyle ? 'on' : 'off'}, ` +
        `checksum compatibility ${c.checksumCompatibility ? 'on' : 'off'}${c.publicBaseUrl ? ', CDN base set' : ''}`,
    ),
    '',
    problems.length === 0 ? 'No warnings or errors since the app started.' : `Last ${problems.length} warnings and errors:`,
    ...problems.map((p) => `  ${p.time} ${p.level.toUpperCase()} ${p.message}${p.detail ? ` ${p.detail}` : ''}`),
  ];
  return `${lines.join('\n')}\n`;
}

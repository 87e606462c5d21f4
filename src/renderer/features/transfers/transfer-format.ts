import { formatBytes } from '../../../shared/format/format-bytes';
import type { TransferOverall, TransferState } from '../../../shared/model/transfer';

/** "3.2 MB/s"; "—" while nothing moves. */
export function formatSpeed(bytesPerSecond: number): string {
  return bytesPerSecond > 0 ? `${formatBytes(bytesPerSecond)}/s` : '—';
}

/** "12 s left", "4 min left", "2 h 5 min left"; '' when unknown. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min left` : `${hours} h left`;
}

/** Words for an item's or batch's state. */
export const stateLabel: Record<TransferState, string> = {
  queued: 'Waiting',
  active: 'Sending',
  paused: 'Paused',
  interrupted: 'Interrupted',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
};

/** True while something is queued or moving. */
export function isBusy(overall: TransferOverall): boolean {
  return overall.active + overall.queued > 0;
}

/** The panel header's one-line summary: "42% · 120 MB of 290 MB · 3.2 MB/s · 1 min left". */
export function overallSummary(overall: TransferOverall): string {
  if (!isBusy(overall)) {
    const waiting: string[] = [];
    if (overall.paused) waiting.push(`${overall.paused.toLocaleString()} paused`);
    if (overall.interrupted) waiting.push(`${overall.interrupted.toLocaleString()} interrupted`);
    if (overall.failed) waiting.push(`${overall.failed.toLocaleString()} failed`);
    return waiting.length ? waiting.join(' · ') : 'Nothing in progress';
  }
  const parts = [
    `${percentOf(overall)}%`,
    `${formatBytes(overall.bytesDone)} of ${formatBytes(overall.bytesTotal)}`,
    formatSpeed(overall.speed),
    formatEta(overall.eta),
  ];
  if (overall.failed) parts.push(`${overall.failed.toLocaleString()} failed`);
  return parts.filter((p) => p && p !== '—').join(' · ');
}

/** Whole percent of the work in flight (0 when unknown). */
export function percentOf(overall: TransferOverall): number {
  return overall.fraction === null ? 0 : Math.floor(overall.fraction * 100);
}

/** The window title while transfers run ("42% · Transferring · Bucket Admin"), else the base title. */
export function documentTitle(overall: TransferOverall, base: string): string {
  return isBusy(overall) ? `${percentOf(overall)}% · Transferring · ${base}` : base;
}

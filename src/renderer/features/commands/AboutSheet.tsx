import type { AppInfo } from '../../../shared/model/app';
import { DialogShell } from '../../ui/DialogShell';

/** About: the version, the host and where the data lives. */
export function AboutSheet({ open, onClose, info }: { open: boolean; onClose: () => void; info: AppInfo }) {
  return (
    <DialogShell
      open={open}
      onOpenChange={(o) => (o ? undefined : onClose())}
      title="About Bucket Admin"
      description={`Version ${info.version}`}
    >
      <dl className="about-list" data-testid="about-sheet">
        <dt>Runs in</dt>
        <dd>
          {info.host === 'electron' ? 'the desktop app' : 'the browser host'} on {info.platform}
        </dd>
        <dt>Data folder</dt>
        <dd>{info.dataDir}</dd>
      </dl>
    </DialogShell>
  );
}

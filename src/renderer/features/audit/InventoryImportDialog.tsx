import { useMutation, useQuery } from '@tanstack/react-query';
import { FolderOpen, Search } from 'lucide-react';
import { useState } from 'react';
import type { InventoryReportFound } from '../../../shared/model/index-sync';
import { api, call } from '../../api/client';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';

export interface InventoryImportDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  connectionId: string;
  bucket: string;
  prefix: string;
}

/**
 * Where an S3 Inventory report is imported from: one of the reports found in its destination bucket
 * (from the bucket's inventory configurations, or under a bucket and prefix the user names), or a
 * folder on this computer. The import itself then shows its progress in the sync panel.
 */
export function InventoryImportDialog({ open, onOpenChange, connectionId, bucket, prefix }: InventoryImportDialogProps) {
  const [destination, setDestination] = useState('');
  const [destinationPrefix, setDestinationPrefix] = useState('');
  const [looked, setLooked] = useState<{ bucket: string; prefix: string } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ['audit', 'inventories', connectionId, bucket, looked],
    queryFn: () =>
      call(
        api.index.findInventories({
          connectionId,
          bucket,
          ...(looked ? { destination: { bucket: looked.bucket, ...(looked.prefix ? { prefix: looked.prefix } : {}) } } : {}),
        }),
      ),
    enabled: open && bucket !== '',
    retry: false,
  });
  const scope = prefix ? { prefix } : {};
  const fromBucket = useMutation({
    mutationFn: (report: InventoryReportFound) =>
      call(
        api.index.importInventory({
          connectionId,
          bucket,
          ...scope,
          location: { kind: 'bucket', bucket: report.destinationBucket, manifestKey: report.manifestKey },
        }),
      ),
    onSuccess: () => onOpenChange(false),
  });
  const fromFolder = useMutation({
    mutationFn: async () => {
      const picked = await call(api.dialogs.chooseFolder({}));
      // (The host's own words suggest dropping files, which would upload them: not what is wanted here.)
      if (picked.unsupported)
        throw new Error('This version of the app cannot open a folder dialog: import the report from its destination bucket above.');
      const path = picked.paths[0];
      if (picked.canceled || !path) return false;
      await call(api.index.importInventory({ connectionId, bucket, ...scope, location: { kind: 'folder', path } }));
      return true;
    },
    onSuccess: (started) => {
      if (started) onOpenChange(false);
    },
  });
  const reports = found.data?.reports ?? [];
  const selected = reports.find((r) => r.manifestKey === chosen) ?? reports[0] ?? null;
  const problem = found.data?.configurationProblem ?? null;
  const importError = fromBucket.error ?? fromFolder.error;
  return (
    <DialogShell
      open={open}
      onOpenChange={onOpenChange}
      title={`Import the S3 Inventory of ${bucket}`}
      description="An inventory report lists a whole bucket without listing it: AWS writes one daily or weekly. Each file is checked against the report's manifest before anything is imported."
      size="wide"
    >
      <section className="inventory-import" aria-labelledby="inventory-from-bucket">
        <h3 id="inventory-from-bucket">From its destination bucket</h3>
        <form
          className="inventory-find"
          onSubmit={(event) => {
            event.preventDefault();
            setChosen(null);
            setLooked({ bucket: destination.trim(), prefix: destinationPrefix.trim() });
          }}
        >
          <Field id="inventory-destination" label="Destination bucket">
            {(control) => (
              <input
                {...control}
                value={destination}
                onChange={(e) => setDestination(e.target.value)}
                placeholder="where the reports are written"
                data-testid="inventory-destination"
              />
            )}
          </Field>
          <Field id="inventory-destination-prefix" label="Prefix (optional)">
            {(control) => (
              <input
                {...control}
                value={destinationPrefix}
                onChange={(e) => setDestinationPrefix(e.target.value)}
                placeholder="e.g. inventory/"
                data-testid="inventory-destination-prefix"
              />
            )}
          </Field>
          <Button type="submit" icon={<Search size={14} />} disabled={destination.trim().length < 3} data-testid="inventory-find">
            Find reports
          </Button>
        </form>
        {found.isFetching ? <p className="field-hint">Looking for reports…</p> : null}
        {found.isError ? <ErrorBanner message={found.error.message} /> : null}
        {!found.isFetching && found.data && reports.length === 0 ? (
          <p className="field-hint" data-testid="inventory-none">
            {problem ?? `No reports of ${bucket} under that bucket and prefix.`}
          </p>
        ) : null}
        {reports.length > 0 ? (
          <fieldset className="inventory-reports" data-testid="inventory-reports">
            <legend>Reports, newest first</legend>
            {reports.map((report) => (
              <label key={report.manifestKey} className="inventory-report">
                <input
                  type="radio"
                  name="inventory-report"
                  checked={selected?.manifestKey === report.manifestKey}
                  onChange={() => setChosen(report.manifestKey)}
                />
                <span>
                  {new Date(report.createdMs).toLocaleString()} · {report.configId}
                  {report.format ? ` · ${report.format}` : ''}
                  <span className="inventory-report-key">
                    s3://{report.destinationBucket}/{report.manifestKey}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="dialog-footer">
          <span className="spacer" />
          <Button
            variant="primary"
            disabled={!selected}
            busy={fromBucket.isPending}
            onClick={() => selected && fromBucket.mutate(selected)}
            data-testid="inventory-import-report"
          >
            Import this report
          </Button>
        </div>
      </section>
      <section className="inventory-import" aria-labelledby="inventory-from-folder">
        <h3 id="inventory-from-folder">From a folder on this computer</h3>
        <p className="field-hint">The folder that holds the report&apos;s manifest.json, with its data files as S3 wrote them.</p>
        <div className="dialog-footer">
          <span className="spacer" />
          <Button
            icon={<FolderOpen size={14} />}
            busy={fromFolder.isPending}
            onClick={() => fromFolder.mutate()}
            data-testid="inventory-import-folder"
          >
            Choose folder…
          </Button>
        </div>
      </section>
      {importError ? <ErrorBanner message={importError.message} /> : null}
    </DialogShell>
  );
}

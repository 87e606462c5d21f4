import { Download } from 'lucide-react';
import { useState } from 'react';
import type { ChannelInput } from '../../../shared/contract';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/Toast';

type ExportView = ChannelInput<'audit:export'>['view'];

/** CSV and JSON exports of a view: main asks where to save and writes the file; only the outcome comes back. */
export function ExportButtons({
  connectionId,
  bucket,
  view,
  disabled,
}: {
  connectionId: string;
  bucket: string;
  view: ExportView;
  disabled?: boolean;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null);
  async function run(format: 'csv' | 'json') {
    setBusy(format);
    try {
      const out = await call(api.audit.export({ connectionId, bucket, view, format }));
      if (!out.saved) return;
      toast.show({
        title: `Saved ${out.fileName} (${out.rows.toLocaleString()} ${out.rows === 1 ? 'row' : 'rows'})`,
        details: [out.path, ...(out.truncated ? ['Only the first 1,000,000 rows fit in one export; narrow the view for the rest.'] : [])],
        tone: out.truncated ? 'warning' : 'success',
        testId: 'audit-export-toast',
      });
    } catch (error) {
      toast.show({ title: 'The export failed.', details: [toClientError(error).message], tone: 'danger', testId: 'audit-export-toast' });
    } finally {
      setBusy(null);
    }
  }
  return (
    <>
      <Button
        icon={<Download size={15} />}
        onClick={() => void run('csv')}
        busy={busy === 'csv'}
        disabled={disabled}
        data-testid="audit-export-csv"
      >
        CSV
      </Button>
      <Button
        icon={<Download size={15} />}
        onClick={() => void run('json')}
        busy={busy === 'json'}
        disabled={disabled}
        data-testid="audit-export-json"
      >
        JSON
      </Button>
    </>
  );
}

import { Button } from '../../ui/Button';

export interface MetadataRow {
  name: string;
  value: string;
}

/** The x-amz-meta-* entries as editable rows: add, edit, remove. */
export function MetadataRows({ rows, onChange }: { rows: MetadataRow[]; onChange: (rows: MetadataRow[]) => void }) {
  const update = (index: number, patch: Partial<MetadataRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="metadata-rows" data-testid="metadata-rows">
      <legend>Metadata (x-amz-meta-*)</legend>
      {rows.map((row, index) => (
        <div className="metadata-row" key={index} data-testid="metadata-row">
          <input
            aria-label="Metadata name"
            value={row.name}
            onChange={(e) => update(index, { name: e.target.value })}
            data-testid="metadata-name"
          />
          <input
            aria-label="Metadata value"
            value={row.value}
            onChange={(e) => update(index, { value: e.target.value })}
            data-testid="metadata-value"
          />
          <Button variant="ghost" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={`Remove ${row.name || 'entry'}`}>
            Remove
          </Button>
        </div>
      ))}
      <Button variant="ghost" onClick={() => onChange([...rows, { name: '', value: '' }])} data-testid="metadata-add">
        Add entry
      </Button>
    </fieldset>
  );
}

import { Search } from 'lucide-react';
import { useState } from 'react';
import { toClientError } from '../../api/client-error';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useDebounced } from '../../ui/use-debounced';
import { AuditTable } from './AuditTable';
import { auditPageRows, useAuditSearch } from './audit-queries';
import { ExportButtons } from './ExportButtons';
import { emptySearchForm, searchQueryOf, type SearchForm } from './search-form';

const columns = [
  { id: 'key', label: 'Key', kind: 'key' as const },
  { id: 'size', label: 'Size', kind: 'bytes' as const },
  { id: 'lastModified', label: 'Last modified', kind: 'date' as const },
  { id: 'storageClass', label: 'Storage class', kind: 'text' as const },
  { id: 'etag', label: 'ETag', kind: 'text' as const },
];

const planText = {
  none: '',
  trigram: '',
  prefix: 'One or two characters: keys starting with them (under the prefix). Type three for anywhere in the name.',
  scan: 'Every name read one by one: the name index is built when this bucket’s first sync stops.',
};

/** Search the index as you type, with filters; results in a virtualized table, exportable. */
export function SearchPanel({ connectionId, bucket }: { connectionId: string; bucket: string }) {
  const [form, setForm] = useState<SearchForm>(emptySearchForm);
  const query = searchQueryOf(useDebounced(form, 150));
  const search = useAuditSearch(connectionId, bucket, query);
  const pages = search.data?.pages ?? [];
  const rows = pages.flatMap((p) => p.rows);
  const first = pages[0];
  const field = (name: keyof SearchForm, label: string, props: { type?: string; placeholder?: string; width?: string } = {}) => (
    <label className="audit-filter" style={props.width ? { width: props.width } : undefined}>
      <span>{label}</span>
      <input
        type={props.type ?? 'text'}
        value={form[name]}
        placeholder={props.placeholder}
        onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
        data-testid={`audit-filter-${name}`}
      />
    </label>
  );
  return (
    <section className="audit-panel" aria-label="Search" data-testid="audit-search">
      <div className="audit-searchbar">
        <Search size={16} aria-hidden="true" />
        <input
          className="audit-searchbox"
          type="search"
          aria-label="Search by name"
          placeholder="Search names (3+ characters: anywhere in the key)"
          value={form.name}
          onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
          data-testid="audit-search-box"
          autoFocus
        />
        <ExportButtons
          connectionId={connectionId}
          bucket={bucket}
          view={{ kind: 'search', query }}
          disabled={!first || first.total === 0}
        />
      </div>
      <div className="audit-filters">
        {field('extension', 'Extension', { placeholder: 'jpg', width: '6rem' })}
        {field('minMb', 'Min MB', { type: 'number', width: '6rem' })}
        {field('maxMb', 'Max MB', { type: 'number', width: '6rem' })}
        {field('after', 'Modified after', { type: 'date' })}
        {field('before', 'Modified before', { type: 'date' })}
        <label className="audit-filter">
          <span>Storage class</span>
          <select
            value={form.storageClass}
            onChange={(e) => setForm((f) => ({ ...f, storageClass: e.target.value }))}
            data-testid="audit-filter-storageClass"
          >
            <option value="">Any</option>
            {[
              'STANDARD',
              'STANDARD_IA',
              'ONEZONE_IA',
              'INTELLIGENT_TIERING',
              'GLACIER_IR',
              'GLACIER',
              'DEEP_ARCHIVE',
              'REDUCED_REDUNDANCY',
            ].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label className="audit-filter">
          <span>Root</span>
          <select
            value={form.root}
            onChange={(e) => setForm((f) => ({ ...f, root: e.target.value as SearchForm['root'] }))}
            data-testid="audit-filter-root"
          >
            <option value="">Any</option>
            <option value="public">Public</option>
            <option value="private">Private</option>
            <option value="other">Neither</option>
          </select>
        </label>
        {field('etag', 'ETag', { width: '10rem' })}
        {field('prefix', 'Under prefix', { placeholder: 'public/media/', width: '12rem' })}
      </div>
      {search.isError ? (
        <ErrorBanner title="The search failed." message={toClientError(search.error).message} testId="audit-search-error" />
      ) : null}
      {first ? (
        <p className="audit-count" role="status" data-testid="audit-search-count">
          {first.totalCapped ? `More than ${first.total.toLocaleString()}` : first.total.toLocaleString()}{' '}
          {first.total === 1 ? 'object' : 'objects'} · {first.tookMs} ms {planText[first.plan] ? `· ${planText[first.plan]}` : ''}
        </p>
      ) : null}
      <AuditTable
        columns={columns}
        rows={rows as unknown as Parameters<typeof AuditTable>[0]['rows']}
        total={first?.total ?? 0}
        onNearEnd={() => {
          if (search.hasNextPage && !search.isFetchingNextPage && rows.length >= auditPageRows) void search.fetchNextPage();
        }}
        label="Search results"
        testId="audit-results"
      />
    </section>
  );
}

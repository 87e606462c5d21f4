import type { SearchQueryInput } from '../../../shared/model/audit';

/** The search form as typed (text everywhere), before it becomes a query. */
export interface SearchForm {
  name: string;
  extension: string;
  minMb: string;
  maxMb: string;
  after: string;
  before: string;
  storageClass: string;
  root: '' | 'public' | 'private' | 'other';
  etag: string;
  prefix: string;
}

export const emptySearchForm: SearchForm = {
  name: '',
  extension: '',
  minMb: '',
  maxMb: '',
  after: '',
  before: '',
  storageClass: '',
  root: '',
  etag: '',
  prefix: '',
};

const mb = (text: string) =>
  text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Math.max(0, Math.round(Number(text) * 1024 * 1024));
/** A date field (yyyy-mm-dd) as the start of that day in UTC, or its end for "before". */
const day = (text: string, end: boolean) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : undefined;

/** The query a form asks for; empty fields ask nothing. Pure. */
export function searchQueryOf(form: SearchForm): SearchQueryInput {
  const query: SearchQueryInput = {};
  if (form.name !== '') query.name = form.name;
  if (form.extension.trim() !== '') query.extension = form.extension.trim().replace(/^\./, '');
  const min = mb(form.minMb);
  const max = mb(form.maxMb);
  if (min !== undefined) query.minSize = min;
  if (max !== undefined) query.maxSize = max;
  const after = day(form.after, false);
  const before = day(form.before, true);
  if (after) query.modifiedAfter = after;
  if (before) query.modifiedBefore = before;
  if (form.storageClass !== '') query.storageClass = form.storageClass;
  if (form.root !== '') query.root = form.root;
  if (form.etag.trim() !== '') query.etag = form.etag.trim();
  if (form.prefix !== '') query.prefix = form.prefix;
  return query;
}

import type { SelectionMeasure } from '../../../shared/model/selection';
import { formatBytes } from '../../../shared/format/format-bytes';

/** "12 objects, 3.4 MB" and the first keys, so the user sees what the action will touch. */
export function MeasureSummary({ measure, verb }: { measure: SelectionMeasure; verb: string }) {
  const atLeast = measure.truncated ? 'at least ' : '';
  const more = measure.objects - measure.sampleKeys.length;
  return (
    <div className="measure-summary" data-testid="measure-summary" data-objects={measure.objects} data-bytes={measure.bytes}>
      <p>
        This {verb} {atLeast}
        <strong>
          {measure.objects.toLocaleString()} {measure.objects === 1 ? 'object' : 'objects'}
        </strong>{' '}
        ({atLeast}
        {formatBytes(measure.bytes)}
        {measure.folders > 0 ? `, in ${measure.folders.toLocaleString()} ${measure.folders === 1 ? 'folder' : 'folders'}` : ''}).
      </p>
      {measure.sampleKeys.length > 0 ? (
        <ul className="sample-keys">
          {measure.sampleKeys.map((key) => (
            <li key={key}>
              <code title={key}>{key}</code>
            </li>
          ))}
          {more > 0 ? <li className="sample-more">…and {more.toLocaleString()} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { RowName } from '../../ui/RowName';
import { baseName } from '../../../shared/model/keys';
import { PreviewPane } from '../preview/PreviewPane';
import { ShareSection } from '../share/ShareSection';
import { AclSection } from './AclSection';
import { DetailList } from './DetailList';
import { headerFields, metadataFields, summaryFields } from './details-fields';
import { InspectorSection } from './InspectorSection';
import { ObjectEditSection } from './ObjectEditSection';
import { useDetails } from './use-details';

export interface ObjectInspectorProps {
  connectionId: string;
  bucket: string;
  objectKey: string;
  /** False while the selection is still moving: nothing is fetched until it settles. */
  settled: boolean;
  onPreview: () => void;
}

/** Everything about one object: preview, facts, public URL, headers, metadata and ACL. */
export function ObjectInspector({ connectionId, bucket, objectKey, settled, onPreview }: ObjectInspectorProps) {
  const details = useDetails(connectionId, bucket, objectKey, settled);
  if (details.isPending) return <LoadingState label="Reading object details…" />;
  if (details.isError) {
    return (
      <ErrorBanner title="Could not read this object’s details." message={details.error.message} testId="inspector-error">
        <Button onClick={() => void details.refetch()} busy={details.isFetching} data-testid="inspector-retry">
          Retry
        </Button>
      </ErrorBanner>
    );
  }
  const d = details.data;
  const headers = headerFields(d.headers);
  const metadata = metadataFields(d.metadata);
  return (
    <div className="object-inspector" data-testid="object-inspector" data-key={d.key}>
      <header className="object-heading">
        <h2 className="object-heading-name" data-testid="inspector-name">
          <RowName name={baseName(d.key)} />
        </h2>
        <div className="copy-line">
          <code className="copy-text" data-testid="inspector-key">
            <RowName name={d.key} />
          </code>
          <CopyButton text={d.key} label="Copy key" testId="copy-key" />
        </div>
      </header>
      <div className="inspector-preview">
        <PreviewPane
          key={d.key}
          compact
          onOpenFull={onPreview}
          target={{ connectionId, bucket, key: d.key, size: d.size, ...(d.contentType ? { contentType: d.contentType } : {}) }}
        />
      </div>
      <InspectorSection title="Object" testId="inspector-summary">
        <DetailList fields={summaryFields(d)} />
      </InspectorSection>
      {d.publicUrl ? (
        <InspectorSection title="Public URL" testId="inspector-public-url">
          <div className="copy-line">
            <code className="copy-text" data-testid="public-url">
              {d.publicUrl}
            </code>
            <CopyButton text={d.publicUrl} label="Copy public URL" testId="copy-public-url" />
          </div>
        </InspectorSection>
      ) : null}
      <ShareSection connectionId={connectionId} bucket={bucket} objectKey={d.key} />
      <InspectorSection title="Headers" testId="inspector-headers">
        {headers.length > 0 ? <DetailList fields={headers} /> : <p className="inspector-none">No extra headers are stored.</p>}
      </InspectorSection>
      <InspectorSection title="Metadata" testId="inspector-metadata">
        {metadata.length > 0 ? <DetailList fields={metadata} /> : <p className="inspector-none">No user metadata.</p>}
      </InspectorSection>
      <AclSection acl={d.acl} />
      <ObjectEditSection connectionId={connectionId} bucket={bucket} objectKey={d.key} />
    </div>
  );
}

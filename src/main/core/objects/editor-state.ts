import type { S3Client } from '@aws-sdk/client-s3';
import mime from 'mime';
import { typeForName } from '../../../shared/model/extension-types';
import type { EditorAcl, ObjectEditorState } from '../../../shared/model/object-editor';
import { aclsDisabledError, readObjectAclView } from '../access/acl-writer';
import { toAppError } from '../s3/s3-errors';
import { headersToKeep, headObject } from './copy-source';
import { editableHeaders } from './header-patch';

export interface EditorStateRequest {
  bucket: string;
  key: string;
  endpoint: string;
  /** Known already: the ACL editor is read-only without asking. */
  aclsDisabled: boolean;
  onAclsDisabled: () => void;
}

/** HeadObject and GetObjectAcl for the editors; an ACL that cannot be read makes its editor read-only, with why. */
export async function readEditorState(client: S3Client, req: EditorStateRequest): Promise<ObjectEditorState> {
  const [head, acl] = await Promise.all([
    headObject(client, req.bucket, req.key).catch((error: unknown) => {
      throw toAppError(error, { bucket: req.bucket, key: req.key, endpoint: req.endpoint });
    }),
    readAcl(client, req),
  ]);
  const headers = editableHeaders(headersToKeep(head));
  const suggested = typeForName(req.key, mime);
  return {
    key: req.key,
    etag: head.ETag ?? '',
    size: head.ContentLength ?? 0,
    headers,
    ...(suggested && suggested !== headers.contentType?.split(';')[0]?.trim().toLowerCase() ? { suggestedContentType: suggested } : {}),
    versioned: head.VersionId !== undefined && head.VersionId !== 'null',
    acl,
  };
}

async function readAcl(client: S3Client, req: EditorStateRequest): Promise<EditorAcl> {
  if (req.aclsDisabled) return { status: 'readOnly', code: 'AclsDisabled', reason: aclsDisabledError(req.bucket).message };
  try {
    return { status: 'editable', ...(await readObjectAclView(client, req)) };
  } catch (error) {
    const appError = toAppError(error);
    return { status: 'readOnly', code: appError.code, reason: appError.message };
  }
}

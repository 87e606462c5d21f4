/** The preview decision lives in src/shared so the object route and the renderer make the same one. */
export { previewKind, type PreviewKind } from '../../../shared/model/preview-type';

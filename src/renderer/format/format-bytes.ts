export { formatBytes } from '../../shared/format/format-bytes';

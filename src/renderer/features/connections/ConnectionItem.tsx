import { Cloud, Pencil, Server, Trash2 } from 'lucide-react';
import type { Connection } from '../../../shared/model/connection';
import { IconButton } from '../../ui/IconButton';
import { connectionSubtitle, connectionTooltip } from './connection-summary';

export interface ConnectionItemProps {
  connection: Connection;
  selected: boolean;
  /** The demo's connection (a local sample bucket): labelled, and removable like any other. */
  demo?: boolean;
  onSelect: () => void;
  onEdit: () => void;
  onRemove: () => void;
}

/** One connection in the sidebar: select it, or edit / remove it with the buttons beside it. */
export function ConnectionItem({ connection, selected, demo = false, onSelect, onEdit, onRemove }: ConnectionItemProps) {
  const Icon = connection.endpoint ? Server : Cloud;
  return (
    <li
      className={selected ? 'connection-item is-selected' : 'connection-item'}
      data-testid="connection-item"
      data-connection-name={connection.name}
    >
      <button
        type="button"
        className="connection-select"
        onClick={onSelect}
        aria-current={selected ? 'true' : undefined}
        data-testid="connection-select"
        title={connectionTooltip(connection)}
      >
        <Icon className="connection-icon" size={16} aria-hidden="true" />
        <span className="connection-text">
          <span className="connection-name">
            {connection.name}
            {demo ? (
              <span className="badge" data-testid="connection-demo-badge">
                Demo
              </span>
            ) : null}
          </span>
          <span className="connection-subtitle" data-testid="connection-subtitle">
            {connectionSubtitle(connection)}
          </span>
        </span>
      </button>
      <span className="connection-actions">
        <IconButton label={`Edit ${connection.name}`} icon={<Pencil size={14} />} onClick={onEdit} data-testid="connection-edit" />
        <IconButton label={`Remove ${connection.name}`} icon={<Trash2 size={14} />} onClick={onRemove} data-testid="connection-remove" />
      </span>
    </li>
  );
}

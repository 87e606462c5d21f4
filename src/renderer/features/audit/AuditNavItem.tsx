import { ShieldCheck } from 'lucide-react';

/** The sidebar's way into the audit of the chosen connection (disabled until one is chosen). */
export function AuditNavItem({ active, disabled, onOpen }: { active: boolean; disabled: boolean; onOpen: () => void }) {
  return (
    <nav className="sidebar-nav" aria-label="Audit">
      <button
        type="button"
        className="sidebar-nav-item"
        aria-current={active ? 'page' : undefined}
        onClick={onOpen}
        disabled={disabled}
        title={disabled ? 'Choose a connection first.' : undefined}
        data-testid="nav-audit"
      >
        <ShieldCheck size={16} aria-hidden="true" />
        Audit
      </button>
    </nav>
  );
}

import { History } from 'lucide-react';

/** The sidebar's way into the "Shared links" view (the ledger). */
export function SharedLinksNavItem({ active, onOpen }: { active: boolean; onOpen: () => void }) {
  return (
    <nav className="sidebar-nav" aria-label="Views">
      <button
        type="button"
        className="sidebar-nav-item"
        aria-current={active ? 'page' : undefined}
        onClick={onOpen}
        data-testid="nav-shared-links"
      >
        <History size={16} aria-hidden="true" />
        Shared links
      </button>
    </nav>
  );
}

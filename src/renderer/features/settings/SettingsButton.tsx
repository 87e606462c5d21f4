import { Settings } from 'lucide-react';
import { useOpenSettings } from './SettingsProvider';

/** The sidebar's gear: opens the Settings sheet. */
export function SettingsButton() {
  const openSettings = useOpenSettings();
  return (
    <nav className="sidebar-nav sidebar-nav-end" aria-label="App">
      <button type="button" className="sidebar-nav-item" onClick={openSettings} data-testid="nav-settings">
        <Settings size={16} aria-hidden="true" />
        Settings
      </button>
    </nav>
  );
}

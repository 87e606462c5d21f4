import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { SettingsSheet } from './SettingsSheet';
import { useSettings } from './use-settings';

interface SettingsContextValue {
  /** Opens the Settings sheet (the gear button; the `preferences` command binds here too). */
  openSettings: () => void;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

/** Holds the sheet's open state and applies the saved theme from the first answer on. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  useSettings();
  const openSettings = useCallback(() => setOpen(true), []);
  const value = useMemo(() => ({ openSettings }), [openSettings]);
  return (
    <SettingsContext.Provider value={value}>
      {children}
      {open ? <SettingsSheet onClose={() => setOpen(false)} /> : null}
    </SettingsContext.Provider>
  );
}

/** `openSettings()` for any component under SettingsProvider. */
export function useOpenSettings(): () => void {
  const context = useContext(SettingsContext);
  if (!context) throw new Error('useOpenSettings needs a SettingsProvider around it.');
  return context.openSettings;
}

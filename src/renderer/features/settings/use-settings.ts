import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AppSettingsPatch, SettingsView } from '../../../shared/model/settings';
import { api, call } from '../../api/client';
import { applyTheme } from './theme';

const settingsKey = ['settings'] as const;

/** The app-wide settings (`settings:get`), with the theme applied to the page whenever it changes. */
export function useSettings() {
  const query = useQuery({ queryKey: settingsKey, queryFn: () => call(api.settings.get({})), staleTime: Infinity });
  const theme = query.data?.settings.theme;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  return query;
}

/** Saves a patch (`settings:set`); the answer replaces the cached settings, so the theme applies at once. */
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: AppSettingsPatch) => call(api.settings.set({ patch })),
    onSuccess: (view: SettingsView) => client.setQueryData(settingsKey, view),
  });
}

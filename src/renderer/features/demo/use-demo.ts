import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

const demoStatusKey = ['demo', 'status'] as const;

/** The demo's status, its start, and the step it is on while starting. */
export function useDemo() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: demoStatusKey, queryFn: () => call(api.demo.status({})), staleTime: 30_000 });
  const [step, setStep] = useState<string | null>(null);
  useEffect(() => api.events.demoProgress((p) => setStep(p.message)), []);
  const start = useMutation({
    mutationFn: () => call(api.demo.start({})),
    onSettled: async () => {
      setStep(null);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.connections }),
        client.invalidateQueries({ queryKey: demoStatusKey }),
      ]);
    },
  });
  return { status, start, step };
}

import { X } from 'lucide-react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** A button inside a toast, e.g. "Options…" after "Link copied". */
export interface ToastAction {
  label: string;
  onClick: () => void;
  testId?: string;
}

/** What a feature asks to show: one headline, optional detail lines, optional actions. */
export interface ToastInput {
  title: string;
  details?: readonly string[];
  tone?: 'info' | 'success' | 'warning' | 'danger';
  actions?: readonly ToastAction[];
  testId?: string;
  /** How long it stays while not hovered or focused; longer by default when it has actions. */
  durationMs?: number;
}

interface ToastItem extends ToastInput {
  id: number;
}

export interface ToastApi {
  show: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Most toasts on screen at once: the oldest goes when another arrives. */
const maxToasts = 4;

/**
 * Holds the app's toasts and renders them in one polite live region, so screen readers announce
 * each without moving focus. Mount once, around everything that may show a toast.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    setToasts((list) => [...list, { ...toast, id }].slice(-maxToasts));
    return id;
  }, []);
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toast-region" aria-label="Notifications">
        <ol className="toast-list" aria-live="polite" aria-relevant="additions text">
          {toasts.map((t) => (
            <ToastView key={t.id} toast={t} onDismiss={() => dismiss(t.id)} />
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}

/** The toast API of the nearest ToastProvider. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a <ToastProvider> above it.');
  return api;
}

function ToastView({ toast, onDismiss }: { toast: ToastItem; onDismiss: () => void }) {
  // Hovering or focusing a toast holds it, so nobody loses a message while reading or tabbing to it.
  const [held, setHeld] = useState(false);
  const duration = toast.durationMs ?? (toast.actions?.length ? 12_000 : 8_000);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onDismiss, duration);
    return () => clearTimeout(timer);
  }, [held, duration, onDismiss]);
  return (
    <li
      className={`toast toast-${toast.tone ?? 'info'}`}
      data-testid={toast.testId ?? 'toast'}
      data-tone={toast.tone ?? 'info'}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <div className="toast-body">
        <p className="toast-title">{toast.title}</p>
        {toast.details?.map((line) => (
          <p key={line} className="toast-detail">
            {line}
          </p>
        ))}
        {toast.actions?.length ? (
          <div className="toast-actions">
            {toast.actions.map((a) => (
              <button
                key={a.label}
                type="button"
                className="btn btn-secondary"
                data-testid={a.testId}
                onClick={() => {
                  onDismiss();
                  a.onClick();
                }}
              >
                {a.label}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <button type="button" className="icon-btn" aria-label="Dismiss notification" onClick={onDismiss} data-testid="toast-dismiss">
        <X size={14} aria-hidden="true" />
      </button>
    </li>
  );
}

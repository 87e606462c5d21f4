import { X } from 'lucide-react';
import { toastPlacement } from './toast-placement';
import { useDialogRect } from './use-dialog-rect';
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
  /** How many identical toasts this one stands for ("×3"). */
  count: number;
  /** Bumped when the toast is shown again or updated, so its timer starts over. */
  stamp: number;
}

export interface ToastApi {
  /** Shows a toast; one identical to a toast on screen merges into it (and returns its id). */
  show: (toast: ToastInput) => number;
  /** Replaces a toast's content, e.g. "Uploading 3 files" → "Uploaded 3 files"; no-op once it is gone. */
  update: (id: number, toast: ToastInput) => void;
  dismiss: (id: number) => void;
}

/** Toasts that say the same thing are one toast. */
function sameMessage(a: ToastInput, b: ToastInput): boolean {
  return (
    a.title === b.title &&
    (a.tone ?? 'info') === (b.tone ?? 'info') &&
    a.testId === b.testId &&
    (a.details ?? []).join('\n') === (b.details ?? []).join('\n')
  );
}

const ToastContext = createContext<ToastApi | null>(null);

/** Most toasts on screen at once: the oldest goes when another arrives. */
const maxToasts = 4;

/** The region's distance from the window's edges (CSS --space-4). */
const regionMargin = 16;

/**
 * Holds the app's toasts and renders them in one polite live region, so screen readers announce
 * each without moving focus. Mount once, around everything that may show a toast.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  // What is on screen, for show() to find a twin and return its id synchronously.
  const list = useRef<ToastItem[]>([]);
  useEffect(() => {
    list.current = toasts;
  }, [toasts]);
  const show = useCallback((toast: ToastInput) => {
    const twin = list.current.find((t) => sameMessage(t, toast));
    const id = twin?.id ?? nextId.current++;
    setToasts((items) => {
      const existing = items.find((t) => t.id === id);
      if (existing) return items.map((t) => (t.id === id ? { ...toast, id, count: t.count + 1, stamp: t.stamp + 1 } : t));
      return [...items, { ...toast, id, count: 1, stamp: 0 }].slice(-maxToasts);
    });
    return id;
  }, []);
  const update = useCallback((id: number, toast: ToastInput) => {
    setToasts((items) => items.map((t) => (t.id === id ? { ...toast, id, count: 1, stamp: t.stamp + 1 } : t)));
  }, []);
  const api = useMemo(() => ({ show, update, dismiss }), [show, update, dismiss]);
  const placement = toastPlacement(useDialogRect(), window.innerWidth, regionMargin);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        className={`toast-region is-${placement.kind}${placement.kind === 'beside' ? ` is-${placement.side}` : ''}`}
        aria-label="Notifications"
        // Set through the CSSOM (React style), which the CSP allows, unlike inline style attributes.
        style={placement.kind === 'beside' ? { width: `${placement.width}px` } : undefined}
        hidden={placement.kind === 'held' || undefined}
        data-testid="toast-region"
        data-placement={placement.kind}
      >
        <ol className="toast-list" aria-live="polite" aria-relevant="additions text">
          {toasts.map((t) => (
            <ToastView key={t.id} toast={t} paused={placement.kind === 'held'} onDismiss={() => dismiss(t.id)} />
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

function ToastView({ toast, paused, onDismiss }: { toast: ToastItem; paused: boolean; onDismiss: () => void }) {
  // Hovering or focusing a toast holds it, so nobody loses a message while reading or tabbing to it;
  // a toast waiting for a dialog to close is held too (nobody has seen it yet).
  const [held, setHeld] = useState(false);
  const duration = toast.durationMs ?? (toast.actions?.length ? 12_000 : 8_000);
  const { stamp } = toast;
  useEffect(() => {
    if (held || paused) return;
    const timer = setTimeout(onDismiss, duration);
    return () => clearTimeout(timer);
  }, [held, paused, duration, onDismiss, stamp]);
  return (
    <li
      className={`toast toast-${toast.tone ?? 'info'}`}
      data-testid={toast.testId ?? 'toast'}
      data-tone={toast.tone ?? 'info'}
      data-count={toast.count}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <div className="toast-body">
        <p className="toast-title">
          {toast.title}
          {toast.count > 1 ? (
            <span className="toast-count" data-testid="toast-count" aria-label={`${toast.count} times`}>
              {' '}
              ×{toast.count}
            </span>
          ) : null}
        </p>
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

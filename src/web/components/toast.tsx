import {
  createContext,
  type ReactNode,
  use,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

export type ToastTone = 'info' | 'success' | 'error';
export type ToastInput = { title: string; description?: string; tone?: ToastTone };
type Toast = ToastInput & { id: number; tone: ToastTone };

const TOAST_LIFETIME_MS = 8_000;
const MAX_TOASTS = 4;

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

/**
 * Shows a short message at the top of the window; screen readers announce it (a polite live
 * region). Say a success once: either here, or in the page, not both.
 */
export function useToast(): (toast: ToastInput) => void {
  const show = use(ToastContext);
  if (!show) throw new Error('useToast needs a <ToastProvider> above it');
  return show;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const show = useCallback((input: ToastInput) => {
    const toast: Toast = { ...input, tone: input.tone ?? 'info', id: nextId.current++ };
    setToasts((current) => [
      // The same message twice in a row is shown once.
      ...current.filter((item) => item.title !== toast.title).slice(-(MAX_TOASTS - 1)),
      toast,
    ]);
  }, []);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((item) => item.id !== id));
  }, []);

  return (
    <ToastContext value={show}>
      {children}
      {/*
        Top centre, under the header: away from the row actions at the right of a table and from
        a page's bottom bar. The live region is a plain element around the list (a role on the
        <ol> itself would take away its list semantics).
      */}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed inset-x-4 top-20 z-50 flex justify-center"
      >
        {/* Always in the page, so that what is added to it is announced. */}
        <div role="status" aria-live="polite" className="w-full sm:w-96">
          <ol className="flex flex-col gap-3">
            {toasts.map((toast) => (
              <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
            ))}
          </ol>
        </div>
      </section>
    </ToastContext>
  );
}

const toneClasses: Record<ToastTone, string> = {
  info: 'border-primary/30',
  success: 'border-success/40',
  error: 'border-danger/50',
};

const toneDot: Record<ToastTone, string> = {
  info: 'bg-primary',
  success: 'bg-success',
  error: 'bg-danger',
};

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);

  // Stays while the pointer or keyboard focus is on it, so it can be read and dismissed.
  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => onDismiss(toast.id), TOAST_LIFETIME_MS);
    return () => window.clearTimeout(timer);
  }, [paused, toast.id, onDismiss]);

  return (
    <li
      className={`pointer-events-auto flex items-start gap-3 rounded-xl border bg-surface p-4 shadow-card ${toneClasses[toast.tone]}`}
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2.5 shrink-0 rounded-full ${toneDot[toast.tone]}`}
      />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-foreground">{toast.title}</p>
        {toast.description && (
          <p className="mt-1 text-sm leading-relaxed text-muted-foreground">{toast.description}</p>
        )}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        className="-m-1 rounded-md p-1 text-muted-foreground transition-colors hover:bg-surface-muted hover:text-foreground"
      >
        <span className="sr-only">Dismiss notification</span>
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
          aria-hidden="true"
          className="size-4"
        >
          <path d="M6 6l12 12M18 6 6 18" />
        </svg>
      </button>
    </li>
  );
}

/**
 * Runs one service call at a time for a component: busy flag for the Spinner, the Chinese error to show, and the
 * result. Errors the host raises as ServiceError keep their message; anything else becomes a generic Chinese one
 * naming what failed, so no failure is swallowed.
 */
import * as React from 'react';
import { ServiceError } from './services';

export interface ActionError {
  title: string;
  message: string;
  code: string;
}

export function describeError(actionLabel: string, e: unknown): ActionError {
  if (e instanceof ServiceError) return { title: `${actionLabel}未完成`, message: e.message, code: e.code };
  const detail = e instanceof Error ? e.message : String(e);
  return { title: `${actionLabel}未完成`, message: `发生了意外错误：${detail}。请稍后重试；如果问题仍然存在，请把这段文字发给维护人员。`, code: 'unknown' };
}

export type Outcome<R> = { ok: true; value: R } | { ok: false };

export interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<Outcome<R>>;
  busy: boolean;
  error: ActionError | null;
  clearError: () => void;
}

export function useAction<A extends unknown[], R>(label: string, fn: (...args: A) => Promise<R>): Action<A, R> {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<ActionError | null>(null);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const fnRef = React.useRef(fn);
  fnRef.current = fn;
  const run = React.useCallback(
    async (...args: A): Promise<Outcome<R>> => {
      setBusy(true);
      setError(null);
      try {
        return { ok: true, value: await fnRef.current(...args) };
      } catch (e) {
        if (mounted.current) setError(describeError(label, e));
        return { ok: false };
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [label],
  );
  const clearError = React.useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}

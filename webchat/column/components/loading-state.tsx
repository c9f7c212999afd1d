import type { ComponentChildren } from 'preact';
import type { Loaded } from './use-loaded';

/** What a section shows while its data loads, when it failed (in Chinese), and the data once it is there. */
export function LoadingState<T>({ state, what, children }: { state: Loaded<T>; what: string; children: (value: T) => ComponentChildren }) {
  if (state.status === 'loading') return <p class="muted">正在加载{what}…</p>;
  if (state.status === 'failed')
    return (
      <p class="error" role="alert">
        {what}暂时没有加载出来：{state.failure.message}
      </p>
    );
  return <>{children(state.value)}</>;
}

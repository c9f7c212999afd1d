import type { Ref } from 'preact';

export function LauncherButton({ ref, hidden, onOpen }: { ref: Ref<HTMLButtonElement>; hidden: boolean; onOpen: () => void }) {
  return (
    <button ref={ref} type="button" class="xn-launcher" hidden={hidden} aria-haspopup="dialog" onClick={onOpen}>
      <svg class="xn-launcher-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
      </svg>
      <span class="xn-launcher-label">问小宁</span>
    </button>
  );
}

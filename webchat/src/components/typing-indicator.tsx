export function TypingIndicator() {
  return (
    <div class="xn-typing" role="status">
      <span class="xn-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span class="xn-typing-text">小宁正在查找资料…</span>
    </div>
  );
}

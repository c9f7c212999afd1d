/** The shell of the officials' console and the admin panel; their pages arrive with their issues. */
export function AdminApp() {
  return (
    <main>
      <h1>宁德12345领导接线 · 工作台</h1>
      <p>接线台和管理后台正在建设中。</p>
    </main>
  );
}

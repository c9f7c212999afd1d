export function NotFoundPage() {
  return (
    <main id="main" class="page narrow" tabIndex={-1}>
      <h1>没有找到这个页面</h1>
      <p>
        请回到 <a href="/admin/desk">接线台</a>。
      </p>
    </main>
  );
}

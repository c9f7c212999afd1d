export function SiteFooter() {
  return (
    <footer class="footer">
      <p>宁德市12345政务服务便民热线 · 紧急情况请拨打 110、119、120</p>
      <p>有问题可以点右下角的“问小宁”，也可以直接拨打 12345。</p>
    </footer>
  );
}

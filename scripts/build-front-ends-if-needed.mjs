/* global process, console */
// `npm start`'s prestart. With the development tools installed (npm install), the widget, the column pages and
// the admin panel are built as before, so a change shows at the next start. After `npm ci --omit=dev` there is
// no Vite: the bundles built earlier (npm run build) are served as they are, and only their absence is an error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bundles = ['webchat/dist/xiaoning-widget.js', 'webchat/dist/column/index.html', 'admin/dist/index.html'];
const viteInstalled = fs.existsSync(path.join(root, 'node_modules', 'vite', 'package.json'));

if (viteInstalled) {
  for (const script of ['build:webchat', 'build:admin']) {
    const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
} else {
  const missing = bundles.filter((file) => !fs.existsSync(path.join(root, file)));
  if (missing.length > 0) {
    console.error(
      `启动失败：缺少已构建的页面文件（${missing.join('、')}），而且没有安装构建工具 Vite。` +
        '请先在装有开发依赖的环境里运行 npm run build，或运行 npm install 安装全部依赖。',
    );
    process.exit(1);
  }
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const webchat = path.resolve(__dirname, '../../webchat');
const bundle = path.join(webchat, 'dist/xiaoning-widget.js');
const columnShell = path.join(webchat, 'dist/column/index.html');

const newestChange = (folder: string): number =>
  fs
    .readdirSync(folder, { withFileTypes: true })
    .reduce(
      (newest, entry) =>
        Math.max(
          newest,
          entry.isDirectory() ? newestChange(path.join(folder, entry.name)) : fs.statSync(path.join(folder, entry.name)).mtimeMs,
        ),
      0,
    );

const build = (config: string) =>
  execFileSync(
    process.execPath,
    [path.resolve(webchat, '../node_modules/vite/bin/vite.js'), 'build', '--config', path.join(webchat, config), '--logLevel', 'warn'],
    { cwd: path.resolve(webchat, '..'), stdio: 'inherit' },
  );

/**
 * Builds the widget and the column pages the way `npm run build:webchat` does (the widget first: its build
 * empties webchat/dist), unless both are newer than every source, so a test run on its own never exercises a
 * stale bundle.
 */
export function ensureWebchatBuilt(): void {
  const sourcesChanged = Math.max(
    newestChange(path.join(webchat, 'src')),
    newestChange(path.join(webchat, 'public')),
    newestChange(path.join(webchat, 'column')),
    newestChange(path.resolve(webchat, '../common')),
    fs.statSync(path.join(webchat, 'vite.config.mts')).mtimeMs,
    fs.statSync(path.join(webchat, 'column.vite.config.mts')).mtimeMs,
  );
  const builtAt = (file: string) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
  if (builtAt(bundle) >= sourcesChanged && builtAt(columnShell) >= sourcesChanged) return;
  build('vite.config.mts');
  build('column.vite.config.mts');
}

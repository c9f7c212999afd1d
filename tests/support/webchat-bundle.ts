import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const webchat = path.resolve(__dirname, '../../webchat');
const bundle = path.join(webchat, 'dist/xiaoning-widget.js');

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

/**
 * Builds the widget the way `npm run build:webchat` does, unless the bundle is newer than every source,
 * so a test run on its own never exercises a stale bundle.
 */
export function ensureWebchatBuilt(): void {
  const sourcesChanged = Math.max(
    newestChange(path.join(webchat, 'src')),
    newestChange(path.join(webchat, 'public')),
    fs.statSync(path.join(webchat, 'vite.config.mts')).mtimeMs,
  );
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= sourcesChanged) return;
  execFileSync(
    process.execPath,
    [
      path.resolve(webchat, '../node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(webchat, 'vite.config.mts'),
      '--logLevel',
      'warn',
    ],
    { cwd: path.resolve(webchat, '..'), stdio: 'inherit' },
  );
}

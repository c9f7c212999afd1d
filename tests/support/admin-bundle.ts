import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const admin = path.resolve(__dirname, '../../admin');
const shell = path.join(admin, 'dist/index.html');

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

/** Builds the console the way `npm run build:admin` does, unless the build is newer than every source. */
export function ensureAdminBuilt(): void {
  const sourcesChanged = Math.max(
    newestChange(path.join(admin, 'src')),
    fs.statSync(path.join(admin, 'index.html')).mtimeMs,
    fs.statSync(path.join(admin, 'vite.config.mts')).mtimeMs,
  );
  if (fs.existsSync(shell) && fs.statSync(shell).mtimeMs >= sourcesChanged) return;
  execFileSync(
    process.execPath,
    [
      path.resolve(admin, '../node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(admin, 'vite.config.mts'),
      '--logLevel',
      'warn',
    ],
    { cwd: path.resolve(admin, '..'), stdio: 'inherit' },
  );
}

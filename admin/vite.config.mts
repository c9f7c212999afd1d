import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** The officials' console and admin panel: an app served under /admin (DESIGN.md §8). */
export default defineConfig({
  root: here('.'),
  base: '/admin/',
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  build: { outDir: here('dist'), emptyOutDir: true, sourcemap: false },
});

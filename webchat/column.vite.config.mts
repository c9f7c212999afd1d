import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The citizens' column pages (DESIGN.md §8): an app of its own beside the widget, built after it into
 * dist/column and served by the server at `/` and the column's routes. Module scripts and a stylesheet file
 * only, so the app's CSP (no inline scripts) holds; the widget is loaded by its own tag.
 */
export default defineConfig({
  root: here('column'),
  base: '/webchat/column/',
  publicDir: false,
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  build: {
    outDir: here('dist/column'),
    emptyOutDir: true,
    sourcemap: false,
    // Vite's preload helper would otherwise be the only code in the page that is not ours to review.
    modulePreload: { polyfill: false },
    // The /stats chunk carries ECharts' core (about 530 kB minified, 175 kB gzipped) and loads on that page only.
    chunkSizeWarningLimit: 600,
  },
});

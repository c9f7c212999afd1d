import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * One IIFE script (plus the stylesheet it links into its shadow root), so a page embeds the widget with a
 * single <script> tag and needs neither a module loader nor inline code (the app's CSP forbids both).
 * The demo page in public/ is copied beside it.
 */
export default defineConfig({
  root: here('.'),
  publicDir: here('public'),
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  // Library mode leaves process.env alone; dependencies that test it must see a production build.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    copyPublicDir: true,
    sourcemap: false,
    lib: {
      entry: here('src/main.tsx'),
      name: 'XiaoningWidget',
      formats: ['iife'],
      fileName: () => 'xiaoning-widget.js',
      cssFileName: 'xiaoning-widget',
    },
  },
});

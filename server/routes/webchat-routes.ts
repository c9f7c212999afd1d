import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/** webchat/dist from the sources (server/routes) and from the compiled build (dist/server/routes). */
export function defaultWebchatDirectory(): string {
  const candidates = [path.resolve(__dirname, '../../webchat/dist'), path.resolve(__dirname, '../../../webchat/dist')];
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, 'xiaoning-widget.js'))) ?? candidates[0];
}

/**
 * The built chat widget under /webchat and its demo page at `/`. The widget keeps one stable address (the
 * embedding snippet names it), so it is cached briefly and revalidated by ETag rather than for a year.
 * Other sites embed it with a <script> tag, which helmet's default same-origin resource policy would block.
 */
export function registerWebchatRoutes(app: Express, directory: string = defaultWebchatDirectory()): void {
  app.use(
    '/webchat',
    express.static(directory, {
      index: false,
      fallthrough: true,
      setHeaders: (response, file) => {
        response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
        response.setHeader('Cache-Control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=300, must-revalidate');
      },
    }),
  );
  app.get('/', (_request, response, next) => {
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(path.join(directory, 'index.html'), (error) => {
      if (error && !response.headersSent) next();
    });
  });
}

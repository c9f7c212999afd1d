import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response, type NextFunction } from 'express';

/** webchat/dist from the sources (server/routes) and from the compiled build (dist/server/routes). */
export function defaultWebchatDirectory(): string {
  const candidates = [path.resolve(__dirname, '../../webchat/dist'), path.resolve(__dirname, '../../../webchat/dist')];
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, 'xiaoning-widget.js'))) ?? candidates[0];
}

export interface WebchatRoutesOptions {
  /** The built widget and column pages (webchat/dist). */
  directory?: string;
  /** Whether `/previews/:id` names a published preview; an unknown or unpublished one is answered 404 (still the page). */
  previewIsPublic?: (id: string) => Promise<boolean>;
}

/** The column's routes (DESIGN.md §8); the page app draws each of them, the server only hands out its shell. */
const columnRoutes = ['/', '/appeals', '/appeals/:id', '/stats', '/policies'];
/** Paths that are never pages: a miss there stays the JSON 404 of the API. */
const notPages = /^\/(api|webchat|admin|wechat|socket\.io)(\/|$)/;

/**
 * The built chat widget under /webchat, and the citizens' column pages (webchat/dist/column) at `/` and their
 * routes, so a reload or a shared link of any page works; other page addresses get the same page with 404,
 * which shows a friendly "not found". The widget keeps one stable address (the embedding snippet names it),
 * so it is cached briefly and revalidated by ETag; the pages' hashed assets are cached for good. Other sites
 * embed the widget with a <script> tag, which helmet's default same-origin resource policy would block.
 */
export function registerWebchatRoutes(app: Express, options: WebchatRoutesOptions = {}): void {
  const directory = options.directory ?? defaultWebchatDirectory();
  const shell = path.join(directory, 'column', 'index.html');
  app.use(
    '/webchat',
    express.static(directory, {
      index: false,
      fallthrough: true,
      setHeaders: (response, file) => {
        response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
        const hashed = file.includes(`${path.sep}column${path.sep}assets${path.sep}`);
        response.setHeader(
          'Cache-Control',
          file.endsWith('.html') ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
        );
      },
    }),
  );

  const sendShell = (status: number, response: Response, next: NextFunction) => {
    response.status(status);
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(shell, (error) => {
      if (error && !response.headersSent) next();
    });
  };

  app.get(columnRoutes, (_request, response, next) => sendShell(200, response, next));
  app.get('/previews/:id', async (request: Request<{ id: string }>, response, next) => {
    try {
      const { id } = request.params;
      const known = id.length <= 100 && (options.previewIsPublic ? await options.previewIsPublic(id) : true);
      sendShell(known ? 200 : 404, response, next);
    } catch (error) {
      next(error);
    }
  });
  // Any other address a person types or follows: the page app shows its "not found" page.
  app.get(/.*/, (request, response, next) => {
    if (notPages.test(request.path) || !(request.get('accept') ?? '').includes('text/html')) return next();
    sendShell(404, response, next);
  });
}

import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';

/** admin/dist from the sources (server/routes) and from the compiled build (dist/server/routes). */
export function defaultAdminDirectory(): string {
  const candidates = [path.resolve(__dirname, '../../admin/dist'), path.resolve(__dirname, '../../../admin/dist')];
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, 'index.html'))) ?? candidates[0];
}

const staff = new Set(['official', 'admin']);
/** The admin panel's pages (DESIGN.md §8): an official gets the shell with 403, and the app says why. */
const adminOnlyPage = /^\/admin\/(knowledge|previews|polls|suggestions|wechat|appeals|submissions|units|users|audit)(\/|$)/;
/** Where a path under /admin may be sent back to after login: only the console's own pages. */
const consolePath = /^\/admin(\/[A-Za-z0-9/_-]*)?$/;

/**
 * The officials' console (admin/dist) under /admin. Every page but the login needs an official's or an
 * administrator's session: anyone else is sent to /admin/login with the page they asked for kept in `next`.
 * Deep links get the app's shell (the app draws the route); an official asking for another unit's desk gets the
 * shell with 403, and the app says why. Hashed assets are cached for good, the shell never.
 */
export function registerAdminPagesRoutes(app: Express, options: { directory?: string } = {}): void {
  const directory = options.directory ?? defaultAdminDirectory();
  const shell = path.join(directory, 'index.html');
  app.use(
    '/admin/assets',
    express.static(path.join(directory, 'assets'), {
      index: false,
      fallthrough: false,
      setHeaders: (response) => response.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );

  const sendShell = (status: number, response: Response) => {
    response.status(status);
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(shell, (error) => {
      if (error && !response.headersSent)
        response.status(503).type('text/plain; charset=utf-8').send('工作台页面尚未构建（npm run build:admin）。');
    });
  };

  app.get('/admin/login', (_request, response) => sendShell(200, response));
  app.get(['/admin', '/admin/{*rest}'], (request: Request, response) => {
    const user = request.session?.user;
    if (!user || !staff.has(user.role)) {
      const next = consolePath.test(request.path) && request.path !== '/admin/login' ? request.path : '/admin/desk';
      response.setHeader('Cache-Control', 'no-store');
      return response.redirect(302, `/admin/login?next=${encodeURIComponent(next)}`);
    }
    const deskUnit = /^\/admin\/desk\/([^/]+)\/?$/.exec(request.path)?.[1];
    const forbidden =
      user.role === 'official' && ((deskUnit !== undefined && deskUnit !== user.unitId) || adminOnlyPage.test(request.path));
    sendShell(forbidden ? 403 : 200, response);
  });
}

import { timingSafeEqual } from 'node:crypto';
import type { CookieOptions, RequestHandler } from 'express';
import { AppError } from '../../common';
import type { Role } from '../../storage';
import type { AuthService, AuthenticatedSession } from './auth-service';

export const sessionCookieName = 'xn_session';
export const csrfHeaderName = 'x-csrf-token';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set when a valid session cookie came with the request. */
    session?: AuthenticatedSession;
  }
}

export const sessionCookieOptions = (secure: boolean, maxAgeMs?: number): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure,
  path: '/',
  ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }),
});

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const tokensMatch = (given: string, expected: string) => {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * Reads the session cookie. A write that is authenticated by that cookie must also carry the session's
 * CSRF token in a header, which a page on another site cannot read or set.
 */
export function createSessionMiddleware(auth: AuthService): RequestHandler {
  return async (request, _response, next) => {
    try {
      const token: unknown = request.cookies?.[sessionCookieName];
      if (typeof token !== 'string' || token === '') return next();
      const session = await auth.authenticate(token);
      if (!session) return next();
      if (!safeMethods.has(request.method)) {
        const given = request.get(csrfHeaderName) ?? '';
        if (!tokensMatch(given, session.csrfToken)) {
          return next(new AppError('CSRF_FAILED', '页面已过期或请求来源不安全，请刷新页面后再试。'));
        }
      }
      request.session = session;
      next();
    } catch (error) {
      next(error);
    }
  };
}

export const requireLogin: RequestHandler = (request, _response, next) => {
  next(request.session ? undefined : new AppError('UNAUTHENTICATED', '请先登录。'));
};

/** Admins may do everything an official may; citizens get 403 on both. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (request, _response, next) => {
    const user = request.session?.user;
    if (!user) return next(new AppError('UNAUTHENTICATED', '请先登录。'));
    if (!roles.includes(user.role)) return next(new AppError('FORBIDDEN', '您没有权限进行此操作。'));
    next();
  };
}

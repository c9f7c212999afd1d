import type { Request, RequestHandler, Response } from 'express';
import type { Voter } from '../hotline';
import { newVoterId, voterCookieMaxAgeMs, voterCookieName, voterIdFromCookieHeader } from '../common';

/** The web voter's id: only from the signed cookie the server issued, never from anything the client claims. */
export const voterIdOf = (response: Response): string | undefined => response.locals.voterId as string | undefined;

/** The web user's id for chat: the cookie's, or the one issued with this very response. */
export const webUserIdOf = (response: Response): string => (response.locals.voterId ?? response.locals.freshVoterId) as string;

/**
 * The web voter of a request, for the vote button and Xiaoning alike: established only when the signed cookie
 * came back (an id issued with this very response proves nothing yet), with the client's address for the throttle.
 */
export const webVoterOf = (request: Request, response: Response): Voter => ({
  channel: 'web',
  userId: webUserIdOf(response),
  established: voterIdOf(response) !== undefined,
  address: request.ip,
});

/**
 * Gives every /api client without a valid signed `xn_voter` cookie a fresh one. The id of a request that
 * came without one is left unset, so a vote on that request is refused and the next carries the cookie.
 */
export function voterCookie(cookieSecret: string, cookieSecure: boolean): RequestHandler {
  return (request: Request, response: Response, next) => {
    // The same check as the socket.io chat's, so an identity is the same thing on every channel.
    const signed = voterIdFromCookieHeader(request.headers.cookie, cookieSecret);
    if (signed) {
      response.locals.voterId = signed;
      return next();
    }
    const fresh = newVoterId();
    // Chat may start with this id at once; a vote still needs the cookie to come back (proof it is kept).
    response.locals.freshVoterId = fresh;
    response.cookie(voterCookieName, fresh, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure: cookieSecure,
      maxAge: voterCookieMaxAgeMs,
      path: '/',
    });
    next();
  };
}

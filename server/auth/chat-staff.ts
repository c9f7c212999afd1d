import type { AuthService } from './auth-service';
import { sessionCookieName } from './middleware';

/** The login session's token in a raw Cookie header (socket.io handshakes do not pass express's cookie parser). */
export function sessionTokenIn(cookieHeader: string | undefined): string | undefined {
  for (const pair of cookieHeader?.split(';') ?? []) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== sessionCookieName) continue;
    try {
      return decodeURIComponent(pair.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The web chat's way of telling an official or administrator from a citizen: the console's session cookie,
 * checked against the session store. A citizen account counts as a citizen; no session, no staff.
 */
export function staffFromCookieHeader(auth: Pick<AuthService, 'authenticate'>) {
  return async (cookieHeader: string | undefined) => {
    const token = sessionTokenIn(cookieHeader);
    if (!token) return undefined;
    const session = await auth.authenticate(token);
    const user = session?.user;
    if (!user || (user.role !== 'official' && user.role !== 'admin')) return undefined;
    return { role: user.role, unitId: user.unitId };
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../common';
import { createRateLimiter, createSharedRateLimiter, type SharedState } from '../../common';
import type { PublicUser, User, UsersRepository } from '../../storage';
import { toPublicUser } from '../../storage';
import { decoyPasswordHash, verifyPassword } from './passwords';

export interface AuthServiceOptions {
  users: UsersRepository;
  sessionTtlHours: number;
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  failureWindowMs?: number;
  now?: () => Date;
  /** Several processes (REDIS_URL): failed logins are counted here, for all processes together. */
  sharedState?: SharedState | undefined;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: PublicUser;
  expiresAt: Date;
}

export interface AuthenticatedSession {
  user: PublicUser;
  csrfToken: string;
  tokenHash: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', '用户名或密码不正确。');

export function createAuthService(options: AuthServiceOptions) {
  const now = options.now ?? (() => new Date());
  const windowMs = options.failureWindowMs ?? 15 * 60_000;
  const clock = () => now().getTime();
  // With several processes the failures are counted in shared state (Redis), so a guesser cannot spread them out.
  const limiterFor = (name: string, limit: number) => {
    if (options.sharedState) return createSharedRateLimiter({ state: options.sharedState, name, limit, windowMs });
    const local = createRateLimiter({ limit, windowMs, now: clock });
    return {
      check: async (key: string) => local.check(key),
      hit: async (key: string) => local.hit(key),
      reset: async (key: string) => local.reset(key),
    };
  };
  const failuresByAccount = limiterFor('login-account', options.maxFailuresPerAccount);
  const failuresByIp = limiterFor('login-address', options.maxFailuresPerIp);

  const throttled = (retryAfterSeconds: number) =>
    new AppError('RATE_LIMITED', `登录失败次数太多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试。`, { retryAfterSeconds });

  return {
    /** Checks the throttles before the password, so a locked account cannot be probed further. */
    async login(username: string, password: string, ip: string): Promise<LoginResult> {
      const accountKey = username.trim().toLowerCase();
      for (const state of await Promise.all([failuresByAccount.check(accountKey), failuresByIp.check(ip)])) {
        if (!state.allowed) throw throttled(state.retryAfterSeconds);
      }
      const user: User | undefined = await options.users.findByUsername(username.trim());
      const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
      if (!user || !valid) {
        await Promise.all([failuresByAccount.hit(accountKey), failuresByIp.hit(ip)]);
        throw invalidCredentials();
      }
      await failuresByAccount.reset(accountKey);
      // Said only after the right password, so the message tells nothing to someone guessing.
      if (user.disabledAt) throw new AppError('FORBIDDEN', '该账号已停用，请联系管理员。');
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now().getTime() + options.sessionTtlHours * 3_600_000);
      await options.users.createSession({ tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt });
      return { token, csrfToken, user: toPublicUser(user), expiresAt };
    },

    async authenticate(token: string): Promise<AuthenticatedSession | undefined> {
      if (!token || token.length > 200) return undefined;
      const tokenHash = hashToken(token);
      const found = await options.users.findSession(tokenHash, now());
      if (!found) return undefined;
      return { user: toPublicUser(found.user), csrfToken: found.session.csrfToken, tokenHash };
    },

    async logout(session: AuthenticatedSession): Promise<void> {
      await options.users.deleteSession(session.tokenHash);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Database } from './database';
import { authSessions, users } from './schema';
import type { AuthSession, NewUser, User } from './domain-types';

/** What may leave the repository towards routes and logs: never the password hash. */
export type PublicUser = Omit<User, 'passwordHash'>;

export const toPublicUser = ({ passwordHash: _passwordHash, ...user }: User): PublicUser => user;

export function createUsersRepository(db: Database) {
  return {
    async create(user: NewUser): Promise<User> {
      const [row] = await db
        .insert(users)
        .values({ ...user, id: randomUUID() })
        .returning();
      return row!;
    },
    async findByUsername(username: string): Promise<User | undefined> {
      const [row] = await db.select().from(users).where(eq(users.username, username));
      return row;
    },
    async get(id: string): Promise<User | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },
    async list(): Promise<PublicUser[]> {
      const rows = await db.select().from(users).orderBy(asc(users.username));
      return rows.map(toPublicUser);
    },
    /** Disables (a date) or enables (null) an account; disabling ends every session of it at once. */
    async setDisabled(id: string, disabledAt: Date | null): Promise<User | undefined> {
      const [row] = await db.update(users).set({ disabledAt }).where(eq(users.id, id)).returning();
      if (row && disabledAt) await db.delete(authSessions).where(eq(authSessions.userId, id));
      return row;
    },
    /** Binds an account to a unit (an official's), or unbinds it with null. */
    async setUnit(id: string, unitId: string | null): Promise<User | undefined> {
      const [row] = await db.update(users).set({ unitId }).where(eq(users.id, id)).returning();
      return row;
    },
    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db.update(users).set({ passwordHash }).where(eq(users.id, id));
      // A new password ends every existing session of that account.
      await db.delete(authSessions).where(eq(authSessions.userId, id));
    },
    async createSession(session: Omit<AuthSession, 'createdAt'>): Promise<void> {
      await db.insert(authSessions).values(session);
    },
    async findSession(tokenHash: string, now: Date): Promise<{ session: AuthSession; user: User } | undefined> {
      const [row] = await db
        .select({ session: authSessions, user: users })
        .from(authSessions)
        .innerJoin(users, eq(users.id, authSessions.userId))
        .where(and(eq(authSessions.tokenHash, tokenHash), gt(authSessions.expiresAt, now), isNull(users.disabledAt)));
      return row;
    },
    async deleteSession(tokenHash: string): Promise<void> {
      await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
    },
    async deleteExpiredSessions(now: Date): Promise<number> {
      const removed = await db
        .delete(authSessions)
        .where(lte(authSessions.expiresAt, now))
        .returning({ tokenHash: authSessions.tokenHash });
      return removed.length;
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;

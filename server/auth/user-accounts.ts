import { z } from 'zod';
import { AppError } from '../../common';
import type { Repositories } from '../../storage';
import type { PublicUser } from '../../storage';
import { toPublicUser } from '../../storage';
import { passwordWeakness } from './password-strength';
import { hashPassword, passwordRules } from './passwords';

export const newAccountSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.@-]{3,50}$/, '用户名为 3–50 位字母、数字或 _ . @ -'),
    password: z.string().min(passwordRules.minimumLength, `密码至少 ${passwordRules.minimumLength} 位`).max(passwordRules.maximumLength),
    role: z.enum(['citizen', 'official', 'admin']),
    unitId: z.string().trim().min(1).optional(),
  })
  .refine((account) => account.role !== 'official' || account.unitId !== undefined, {
    message: '接线领导账号必须绑定单位（unitId）',
    path: ['unitId'],
  });

export type NewAccount = z.infer<typeof newAccountSchema>;

/** The one way accounts are made (CLI, admin API, bootstrap admin), so every path hashes and audits alike. */
export async function createUserAccount(repositories: Repositories, account: NewAccount, actor: string): Promise<PublicUser> {
  const weakness = passwordWeakness(account.password);
  if (weakness) throw new AppError('VALIDATION_FAILED', weakness, { details: { field: 'password' } });
  if (account.unitId !== undefined && !(await repositories.units.get(account.unitId))) {
    throw new AppError('UNPROCESSABLE', `没有编号为 ${account.unitId} 的单位。`);
  }
  if (await repositories.users.findByUsername(account.username)) {
    throw new AppError('CONFLICT', `用户名 ${account.username} 已存在。`);
  }
  const user = await repositories.users.create({
    username: account.username,
    passwordHash: await hashPassword(account.password),
    role: account.role,
    unitId: account.unitId ?? null,
  });
  const publicUser = toPublicUser(user);
  await repositories.auditLog.record({
    who: actor,
    what: 'user.create',
    target: user.username,
    after: { id: user.id, role: user.role, unitId: user.unitId },
  });
  return publicUser;
}

/** Creates the administrator named by ADMIN_USERNAME when ADMIN_PASSWORD is set and the account does not exist. */
export async function ensureBootstrapAdmin(repositories: Repositories, username: string, password: string | undefined): Promise<boolean> {
  if (!password || (await repositories.users.findByUsername(username))) return false;
  await createUserAccount(repositories, newAccountSchema.parse({ username, password, role: 'admin' }), 'system');
  return true;
}

const accountView = (user: { id: string; role: string; unitId: string | null; disabledAt: Date | null }) => ({
  role: user.role,
  unitId: user.unitId,
  disabled: user.disabledAt !== null,
});

async function existingAccount(repositories: Repositories, id: string) {
  const user = await repositories.users.get(id);
  if (!user) throw new AppError('NOT_FOUND', '没有找到这个账号。');
  return user;
}

/** Disables (or enables again) an account; a disabled one cannot log in and its sessions end at once. Audited. */
export async function setAccountDisabled(
  repositories: Repositories,
  id: string,
  disabled: boolean,
  actor: { id: string; username: string },
) {
  const before = await existingAccount(repositories, id);
  if (disabled && before.id === actor.id) throw new AppError('UNPROCESSABLE', '不能停用自己正在使用的账号。');
  const after = (await repositories.users.setDisabled(id, disabled ? (before.disabledAt ?? new Date()) : null)) ?? before;
  await repositories.auditLog.record({
    who: actor.username,
    what: disabled ? 'user.disable' : 'user.enable',
    target: before.username,
    before: accountView(before),
    after: accountView(after),
  });
  return toPublicUser(after);
}

/** Sets a new password chosen by an administrator (same rules as at creation); the account's sessions end. Audited, never the password. */
export async function resetAccountPassword(repositories: Repositories, id: string, password: string, actor: string) {
  const before = await existingAccount(repositories, id);
  const weakness = passwordWeakness(password);
  if (weakness) throw new AppError('VALIDATION_FAILED', weakness, { details: { field: 'password' } });
  await repositories.users.setPasswordHash(id, await hashPassword(password));
  await repositories.auditLog.record({
    who: actor,
    what: 'user.reset-password',
    target: before.username,
    before: { passwordChanged: false },
    after: { passwordChanged: true, sessionsEnded: true },
  });
  return toPublicUser(before);
}

/** Binds an account to a unit (an official must keep one). Audited. */
export async function bindAccountUnit(repositories: Repositories, id: string, unitId: string | null, actor: string) {
  const before = await existingAccount(repositories, id);
  if (unitId !== null && !(await repositories.units.get(unitId))) throw new AppError('UNPROCESSABLE', `没有编号为 ${unitId} 的单位。`);
  if (unitId === null && before.role === 'official') throw new AppError('UNPROCESSABLE', '接线领导账号必须绑定单位。');
  const after = (await repositories.users.setUnit(id, unitId)) ?? before;
  await repositories.auditLog.record({
    who: actor,
    what: 'user.bind-unit',
    target: before.username,
    before: accountView(before),
    after: accountView(after),
  });
  return toPublicUser(after);
}

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

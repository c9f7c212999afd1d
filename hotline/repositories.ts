import { createAppealsRepository } from './appeals/appeals-repository';
import { createAuditLogRepository } from './audit/audit-log-repository';
import { createConversationsRepository } from './conversations/conversations-repository';
import { createAppMetaRepository } from './db/app-meta-repository';
import type { Database } from './db/database';
import { createDocumentsRepository } from './documents/documents-repository';
import { createStatsRepository } from './stats/stats-repository';
import { createPollsRepository } from './polls/polls-repository';
import { createPreviewsRepository } from './previews/previews-repository';
import { createUnitsRepository } from './units/units-repository';
import { createUsersRepository } from './users/users-repository';

/** Every repository over one database handle or transaction, so a caller can run several in one transaction. */
export function createRepositories(db: Database) {
  return {
    units: createUnitsRepository(db),
    previews: createPreviewsRepository(db),
    polls: createPollsRepository(db),
    appeals: createAppealsRepository(db),
    documents: createDocumentsRepository(db),
    stats: createStatsRepository(db),
    conversations: createConversationsRepository(db),
    users: createUsersRepository(db),
    auditLog: createAuditLogRepository(db),
    appMeta: createAppMetaRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

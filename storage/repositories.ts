import { createAppealsRepository } from './appeals-repository';
import { createAuditLogRepository } from './audit-log-repository';
import { createConversationsRepository } from './conversations-repository';
import { createAppMetaRepository } from './app-meta-repository';
import type { Database } from './database';
import { createDocumentsRepository } from './documents-repository';
import { createIngestionJobsRepository } from './ingestion-jobs-repository';
import { createStatsRepository } from './stats-repository';
import { createSubmissionsRepository } from './submissions-repository';
import { createPollsRepository } from './polls-repository';
import { createPreviewsRepository } from './previews-repository';
import { createUnitsRepository } from './units-repository';
import { createUsersRepository } from './users-repository';

/** Every repository over one database handle or transaction, so a caller can run several in one transaction. */
export function createRepositories(db: Database) {
  return {
    units: createUnitsRepository(db),
    previews: createPreviewsRepository(db),
    polls: createPollsRepository(db),
    appeals: createAppealsRepository(db),
    documents: createDocumentsRepository(db),
    ingestionJobs: createIngestionJobsRepository(db),
    stats: createStatsRepository(db),
    conversations: createConversationsRepository(db),
    users: createUsersRepository(db),
    submissions: createSubmissionsRepository(db),
    auditLog: createAuditLogRepository(db),
    appMeta: createAppMetaRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** What the storage layer offers the layers above it; they import it from here, never from its files. */
export { type AppMetaRepository } from './app-meta-repository';
export { type AuditFilter, type AuditLogRepository } from './audit-log-repository';
export { personalNumberPattern, type AppealFilter, type AppealText, type AppealsRepository } from './appeals-repository';
export { openDatabase, type DatabaseHandle } from './database';
export { isDatabaseUnavailable } from './database-errors';
export { type DocumentsRepository } from './documents-repository';
export { type IngestionJobsRepository } from './ingestion-jobs-repository';
export {
  type Appeal,
  type AppealInsight,
  type AuditEntry,
  type AuthSession,
  type Chunk,
  type Conversation,
  type DocumentStatus,
  type IngestionJob,
  type IngestionJobStatus,
  type KnowledgeDocument,
  type Message,
  type MessageRole,
  type NewAppeal,
  type NewAppealInsight,
  type NewChunk,
  type NewIngestionJob,
  type NewKnowledgeDocument,
  type NewMessage,
  type NewPoll,
  type NewPreview,
  type NewUnit,
  type NewUser,
  type NewVote,
  type Poll,
  type PollStatus,
  type Preview,
  type NewSubmission,
  type Role,
  type Submission,
  type SubmissionStatus,
  type Unit,
  type UnitKind,
  type User,
} from './domain-types';
export { type PollsRepository } from './polls-repository';
export { type PreviewsRepository } from './previews-repository';
export { createRepositories, type Repositories } from './repositories';
export { type StatsRepository } from './stats-repository';
export { type SubmissionFilter, type SubmissionsRepository } from './submissions-repository';
export { type UnitsRepository } from './units-repository';
export { toPublicUser, type PublicUser, type UsersRepository } from './users-repository';

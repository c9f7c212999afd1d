/** What the storage layer offers the layers above it; they import it from here, never from its files. */
export { type AppMetaRepository } from './app-meta-repository';
export { type AppealFilter, type AppealText, type AppealsRepository } from './appeals-repository';
export { openDatabase, type DatabaseHandle } from './database';
export { type DocumentsRepository } from './documents-repository';
export { type PollsRepository } from './polls-repository';
export { type PreviewsRepository } from './previews-repository';
export { createRepositories, type Repositories } from './repositories';
export { type StatsRepository } from './stats-repository';
export { type UnitsRepository } from './units-repository';
export { toPublicUser, type PublicUser, type UsersRepository } from './users-repository';
export type {
  Appeal,
  AppealInsight,
  AuditEntry,
  AuthSession,
  Chunk,
  Conversation,
  DocumentStatus,
  KnowledgeDocument,
  Message,
  MessageRole,
  NewAppeal,
  NewAppealInsight,
  NewChunk,
  NewKnowledgeDocument,
  NewMessage,
  NewPoll,
  NewPreview,
  NewUnit,
  NewUser,
  NewVote,
  Poll,
  PollStatus,
  Preview,
  Role,
  Unit,
  UnitKind,
  User,
} from './domain-types';

/** What the storage layer offers the layers above it; they import it from here, never from its files. */
export { type AppMetaRepository } from './app-meta-repository';
export {
  type Appeal,
  type AppealFilter,
  type AppealInsight,
  type AppealText,
  type AppealsRepository,
  type NewAppealInsight,
} from './appeals-repository';
export { openDatabase, type DatabaseHandle } from './database';
export { type Chunk, type DocumentsRepository, type KnowledgeDocument } from './documents-repository';
export { type PollsRepository } from './polls-repository';
export { type Preview, type PreviewsRepository } from './previews-repository';
export { createRepositories, type Repositories } from './repositories';
export { type StatsRepository } from './stats-repository';
export { type Unit, type UnitsRepository } from './units-repository';
export { toPublicUser, type PublicUser, type Role, type User, type UsersRepository } from './users-repository';

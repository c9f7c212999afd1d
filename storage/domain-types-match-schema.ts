/**
 * Compile-time check (no runtime code): each hand-written domain type is the shape of its Drizzle row, and
 * each New* type is something the table accepts. `tsc` fails here when the schema and the types drift apart.
 */
import type * as domain from './domain-types';
import type * as schema from './schema';

type Same<Left, Right> = [Left] extends [Right] ? ([Right] extends [Left] ? true : false) : false;
type Accepts<Table, Value> = [Value] extends [Table] ? true : false;
type Holds<Condition extends true> = Condition;

export type DomainTypesMatchSchema = [
  Holds<Same<domain.Unit, typeof schema.units.$inferSelect>>,
  Holds<Accepts<typeof schema.units.$inferInsert, domain.NewUnit>>,
  Holds<Same<domain.Preview, typeof schema.previews.$inferSelect>>,
  Holds<Accepts<typeof schema.previews.$inferInsert, domain.NewPreview>>,
  Holds<Same<domain.Poll, typeof schema.polls.$inferSelect>>,
  Holds<Accepts<typeof schema.polls.$inferInsert, domain.NewPoll>>,
  Holds<Accepts<typeof schema.votes.$inferInsert, domain.NewVote>>,
  Holds<Same<domain.Appeal, typeof schema.appeals.$inferSelect>>,
  Holds<Accepts<typeof schema.appeals.$inferInsert, domain.NewAppeal>>,
  Holds<Same<domain.AppealInsight, typeof schema.appealInsights.$inferSelect>>,
  Holds<Accepts<typeof schema.appealInsights.$inferInsert, domain.NewAppealInsight>>,
  Holds<Same<domain.KnowledgeDocument, typeof schema.documents.$inferSelect>>,
  Holds<Accepts<typeof schema.documents.$inferInsert, domain.NewKnowledgeDocument>>,
  Holds<Same<domain.IngestionJob, typeof schema.ingestionJobs.$inferSelect>>,
  Holds<Accepts<typeof schema.ingestionJobs.$inferInsert, domain.NewIngestionJob & { status: domain.IngestionJobStatus }>>,
  Holds<Same<domain.Chunk, typeof schema.chunks.$inferSelect>>,
  Holds<Accepts<Omit<typeof schema.chunks.$inferInsert, 'documentId'>, domain.NewChunk>>,
  Holds<Same<domain.Conversation, typeof schema.conversations.$inferSelect>>,
  Holds<Same<domain.Message, typeof schema.messages.$inferSelect>>,
  Holds<Accepts<Omit<typeof schema.messages.$inferInsert, 'conversationId'>, domain.NewMessage>>,
  Holds<Same<domain.User, typeof schema.users.$inferSelect>>,
  Holds<Accepts<typeof schema.users.$inferInsert, domain.NewUser & { id: string }>>,
  Holds<Same<domain.AuthSession, typeof schema.authSessions.$inferSelect>>,
  Holds<Same<domain.AuditEntry, typeof schema.auditLog.$inferSelect>>,
  Holds<Same<domain.Submission, typeof schema.submissions.$inferSelect>>,
  Holds<Accepts<typeof schema.submissions.$inferInsert, domain.NewSubmission>>,
];

/**
 * The records the layers above work with, declared once and by hand, so that what a channel or a page sees
 * does not change when a column is added to the schema. `domain-types-match-schema.ts` checks at compile
 * time that the Drizzle rows and these types stay the same shape.
 */

export type UnitKind = 'municipal' | 'county';

export interface Unit {
  id: string;
  name: string;
  aliases: string[];
  kind: UnitKind;
  duties: string;
  dutyTopics: string[];
}
export type NewUnit = Omit<Unit, 'aliases' | 'dutyTopics'> & Partial<Pick<Unit, 'aliases' | 'dutyTopics'>>;

export interface Preview {
  id: string;
  unitId: string;
  startsAt: Date;
  endsAt: Date;
  leaderTitle: string;
  scope: string;
  howToJoin: string;
  published: boolean;
  channels: string[];
}
export type NewPreview = Omit<Preview, 'published' | 'channels'> & Partial<Pick<Preview, 'published' | 'channels'>>;

export type PollStatus = 'draft' | 'open' | 'closed';

export interface Poll {
  id: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  status: PollStatus;
}
export type NewPoll = Poll;

export interface NewVote {
  pollId: string;
  voterId: string;
  unitId: string;
  channel: string;
  ipHash?: string | null;
}

export interface Appeal {
  id: string;
  unitId: string | null;
  receivedAt: Date;
  sessionId: string | null;
  title: string;
  content: string;
  category: string | null;
  type: string | null;
  status: string;
  reply: string | null;
  replyUnit: string | null;
  repliedAt: Date | null;
  citizenLabel: string | null;
  source: string;
  createdAt: Date;
}
export type NewAppeal = Pick<Appeal, 'id' | 'receivedAt' | 'content' | 'status' | 'source'> &
  Partial<Omit<Appeal, 'id' | 'receivedAt' | 'content' | 'status' | 'source'>>;

export interface AppealInsight {
  appealId: string;
  category: string | null;
  type: string | null;
  tags: string[];
  summary: string | null;
  policyRefs: unknown;
  similarIds: string[];
  model: string;
  computedAt: Date;
}
export type NewAppealInsight = Pick<AppealInsight, 'appealId' | 'model'> & Partial<Omit<AppealInsight, 'appealId' | 'model'>>;

export type DocumentStatus = 'pending' | 'indexed' | 'failed';

export interface KnowledgeDocument {
  id: string;
  source: string;
  title: string;
  mime: string;
  sha256: string;
  status: DocumentStatus;
  chunkCount: number;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
}
export type NewKnowledgeDocument = Pick<KnowledgeDocument, 'id' | 'source' | 'title' | 'mime' | 'sha256' | 'status'> &
  Partial<Pick<KnowledgeDocument, 'chunkCount' | 'tags' | 'createdAt' | 'updatedAt'>>;

export type IngestionJobStatus = 'queued' | 'parsing' | 'indexed' | 'failed';

/** An uploaded file in the background ingestion queue (storage/schema.ts `ingestion_jobs`). */
export interface IngestionJob {
  id: string;
  source: string;
  fileName: string;
  sizeBytes: number;
  /** The uploaded bytes while the job waits or runs; null once it ended. */
  content: Uint8Array | null;
  tags: string[];
  status: IngestionJobStatus;
  failureReason: string | null;
  documentId: string | null;
  uploadedBy: string;
  createdAt: Date;
  updatedAt: Date;
}
export type NewIngestionJob = Pick<IngestionJob, 'id' | 'source' | 'fileName' | 'sizeBytes' | 'content' | 'tags' | 'uploadedBy'>;

export interface Chunk {
  id: string;
  documentId: string;
  ordinal: number;
  text: string;
  headingPath: string[];
}
export type NewChunk = Pick<Chunk, 'id' | 'ordinal' | 'text'> & Partial<Pick<Chunk, 'headingPath'>>;

export interface Conversation {
  id: string;
  channel: string;
  userId: string;
  createdAt: Date;
}

export type MessageRole = 'user' | 'assistant' | 'tool' | 'system';

export interface Message {
  id: number;
  conversationId: string;
  role: MessageRole;
  content: string;
  toolCalls: unknown;
  createdAt: Date;
}
export type NewMessage = Pick<Message, 'role' | 'content'> & Partial<Pick<Message, 'toolCalls'>>;

export type Role = 'citizen' | 'official' | 'admin';

export interface User {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  unitId: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}
export type NewUser = Pick<User, 'username' | 'passwordHash' | 'role'> & Partial<Pick<User, 'unitId'>>;

export interface AuthSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface AuditEntry {
  id: number;
  who: string;
  what: string;
  target: string | null;
  when: Date;
  before: unknown;
  after: unknown;
}

export type SubmissionStatus = 'pending' | 'published' | 'rejected' | 'answered';

export interface Submission {
  id: string;
  previewId: string | null;
  unitId: string;
  voterId: string;
  content: string;
  contact: string | null;
  status: SubmissionStatus;
  ipHash: string | null;
  createdAt: Date;
  moderatedBy: string | null;
  moderatedAt: Date | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  answerNote: string | null;
  rejectionReason: string | null;
}
export type NewSubmission = Pick<Submission, 'id' | 'unitId' | 'voterId' | 'content'> &
  Partial<Pick<Submission, 'previewId' | 'contact' | 'ipHash' | 'createdAt'>>;

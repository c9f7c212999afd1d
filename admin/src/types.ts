/** What the console reads from the API (server/routes: officials, submissions, stats, units). */

export interface UnitSummary {
  id: string;
  name: string;
}

export interface HotTopic {
  topic: string;
  dutyTopic: string | null;
  count: number;
  latestAt: string;
  summary: string;
  keywords: string[];
  /** Every appeal of the topic, newest first; `typical` marks the three most typical of it. */
  appeals: { id: string; typical: boolean; title: string; excerpt: string; receivedAt: string }[];
}

export interface PolicyPassage {
  source: string;
  title: string;
  headingPath: string[];
  excerpt: string;
}

export interface SimilarCase {
  id: string;
  title: string;
  content: string;
  unitId: string | null;
  replyUnit: string | null;
  reply: string;
  score: number;
}

export interface CallAnalysis {
  summary: string;
  category: string;
  type: string;
  tags: string[];
  confidence: number;
  policyBasis: PolicyPassage[];
  similarCases: SimilarCase[];
  suggestedHandling: { caseId: string; caseTitle: string; quote: string }[];
  /** Emergency numbers and immediate safe actions for 紧急件 (added by the emergency work; may be absent). */
  urgentAdvice?: string[] | null;
}

export interface SubmissionItem {
  id: string;
  unit: { id: string; name: string };
  preview: { id: string; startsAt: string } | null;
  content: string;
  contact: string | null;
  status: 'pending' | 'published' | 'rejected' | 'answered';
  createdAt: string;
  answer: { note: string; by: string; at: string } | null;
}

export interface CountItem {
  label: string;
  count: number;
}

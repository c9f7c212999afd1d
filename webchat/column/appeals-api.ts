/** The column's calls for 往期回顾, 诉求详情, AI详解, 数据分析 and the source pages (same origin, errors in Chinese). */
import { requestJson } from './api';

export interface Unit {
  id: string;
  name: string;
  aliases: string[];
  kind: 'municipal' | 'county';
}

export interface AppealListItem {
  id: string;
  title: string;
  excerpt: string;
  unit: { id: string; name: string } | null;
  receivedAt: string;
  sessionDate: string | null;
  category: string | null;
  type: string | null;
  status: string;
  hasReply: boolean;
  replyExcerpt: string | null;
}

export interface AppealPage {
  items: AppealListItem[];
  total: number;
  page: number;
  pageSize: number;
  asOf: string;
}

export interface CalendarDay {
  date: string;
  count: number;
  sessions: { id: string; unit: { id: string; name: string } }[];
}

export interface PolicyReference {
  source: string;
  title: string;
  headingPath: string[];
  excerpt: string;
}

export interface AppealDetail extends AppealListItem {
  content: string;
  citizen: string | null;
  replyUnit: string | null;
  reply: string | null;
  repliedAt: string | null;
  insights: {
    category: string | null;
    type: string | null;
    tags: string[];
    summary: string | null;
    relatedPolicies: PolicyReference[];
    similarAppeals: { id: string; title: string; excerpt: string; status: string }[];
  };
}

export interface ExplanationPoint {
  kind: 'decision' | 'next-step' | 'basis';
  heading: string;
  text: string;
  quote: string;
  source: { kind: 'reply'; unit: string | null } | ({ kind: 'policy' } & PolicyReference);
}

export interface Explanation {
  appealId: string;
  title: string;
  points: ExplanationPoint[];
  writtenBy: 'offline' | 'model';
  notice: string;
}

export interface PolicyPassage {
  source: string;
  title: string;
  article: string | null;
  passages: { headingPath: string[]; text: string }[];
  truncated: boolean;
}

export interface StatsFilter {
  unitId?: string | undefined;
  from?: string | undefined;
}

const queryOf = (values: Record<string, string | number | undefined>) => {
  const entries = Object.entries(values).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString()}`;
};

export const appealsApi = {
  units: () => requestJson<{ items: Unit[] }>('/api/units').then((result) => result.items),
  list: (query: { unitId?: string | undefined; date?: string | undefined; page: number; pageSize: number; asOf?: string | undefined }) =>
    requestJson<AppealPage>(`/api/appeals${queryOf(query)}`),
  calendar: (month: string, unitId?: string) =>
    requestJson<{ month: string; days: CalendarDay[] }>(`/api/appeals/calendar${queryOf({ month, unitId })}`),
  detail: (id: string) => requestJson<AppealDetail>(`/api/appeals/${encodeURIComponent(id)}`),
  explanation: (id: string) => requestJson<Explanation>(`/api/appeals/${encodeURIComponent(id)}/explanation`),
  passage: (source: string, article?: string) => requestJson<PolicyPassage>(`/api/policies/passage${queryOf({ source, article })}`),
  categories: (filter: StatsFilter) =>
    requestJson<{ items: { category: string; count: number }[] }>(`/api/stats/categories${queryOf({ ...filter })}`),
  types: (filter: StatsFilter & { category?: string | undefined }) =>
    requestJson<{ items: { type: string; count: number }[] }>(`/api/stats/types${queryOf({ ...filter })}`),
  tags: (filter: StatsFilter) =>
    requestJson<{ items: { tag: string; count: number }[] }>(`/api/stats/tags${queryOf({ ...filter, limit: 15 })}`),
  trend: (filter: StatsFilter & { granularity: 'week' | 'month' }) =>
    requestJson<{ granularity: string; items: { start: string; count: number }[] }>(`/api/stats/trend${queryOf({ ...filter })}`),
};

/** The address of a source's page on the column: the passage under its innermost heading (e.g. 第十一条). */
export function policyPageHref(reference: { source: string; headingPath: string[]; title: string }): string {
  const innermost = reference.headingPath[reference.headingPath.length - 1];
  const article = innermost && innermost !== reference.title ? innermost : undefined;
  return `/policies${queryOf({ source: reference.source, article })}`;
}

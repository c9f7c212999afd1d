/** What the session pages read from the admin API (server/routes: previews, admin-polls, admin-wechat). */

export interface PreviewItem {
  id: string;
  unit: { id: string; name: string };
  startsAt: string;
  endsAt: string;
  leaderTitle: string;
  scope: string;
  howToJoin: string;
  channels: { channel: string; name: string }[];
  published: boolean;
}

export interface UnitItem {
  id: string;
  name: string;
}

export interface TallyOption {
  unitId: string;
  unitName: string;
  votes: number;
}

export interface PollItem {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  status: 'draft' | 'open' | 'closed';
  totalVotes: number;
  options: TallyOption[];
}

export interface Suggestion {
  rank: number;
  unitId: string;
  unitName: string;
  votes: number;
  recentAppeals: number;
  previousAppeals: number;
  unresolvedAppeals: number;
  score: number;
  parts: { voteShare: number; volume: number; growth: number; unresolvedShare: number };
  reasons: string[];
}

export interface Suggestions {
  poll: { id: string; title: string; status: string } | null;
  period: { days: number; from: string; to: string };
  previousPeriod: { from: string; to: string };
  weights: { votes: number; volume: number; growth: number; unresolved: number };
  items: Suggestion[];
}

export interface WechatOutcome {
  ok: boolean;
  errcode: number | null;
  message: string;
  msgId: string | null;
}

export interface WechatSettings {
  configured: boolean;
  publicBaseUrl: string | null;
  menu: { name: string; key: string }[];
}

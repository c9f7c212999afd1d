export interface Unit {
  id: string;
  name: string;
  aliases: string[];
  kind: 'municipal' | 'county';
  duties: string;
  dutyTopics: string[];
}

export interface ColumnTaxonomy {
  categories: string[];
  types: string[];
  statuses: string[];
  fromTipdmLabels: Record<string, string>;
}

export interface AppealTopic {
  level1: string;
  level2: string;
  level3: string;
}

export interface RepliedAppeal {
  id: string;
  user: string;
  title: string;
  content: string;
  createdAt: string;
  reply: string;
  repliedAt: string;
}

export type AppealType = '咨询' | '投诉' | '求助' | '建议' | '紧急件';

export interface Session {
  id: string;
  unitId: string;
  weekOffset: number;
  weekday: number;
  startTime: string;
  durationMinutes: number;
  leaderTitle: string;
  scope: string;
  howToJoin: string;
  channels: string[];
}

export interface DemoAppeal {
  id: string;
  sourceId: string;
  source: 'tipdm-2020-replied';
  unitId: string;
  sessionId: string;
  minutesIntoSession: number;
  title: string;
  content: string;
  category: string;
  type: AppealType;
  topic: string | null;
  reply: string;
  replyUnit: string;
  replyDelayDays: number;
  citizenLabel: '网友';
}

export interface Poll {
  id: string;
  title: string;
  opensDaysOffset: number;
  closesDaysOffset: number;
  unitIds: string[];
}

import type { Unit } from '../../storage';
import type { Preview } from '../../storage';

const channelNames: Record<string, string> = {
  phone: '拨打 12345 热线电话',
  online: '在栏目网页上留言',
  wechat: '在 12345 微信公众号留言',
};

/** A preview as the column shows it: the unit, the time, the leader, the scope of duties and how to take part. */
export function previewView(preview: Preview, unit: Pick<Unit, 'id' | 'name'> | undefined) {
  return {
    id: preview.id,
    unit: { id: preview.unitId, name: unit?.name ?? preview.unitId },
    startsAt: preview.startsAt.toISOString(),
    endsAt: preview.endsAt.toISOString(),
    leaderTitle: preview.leaderTitle,
    scope: preview.scope,
    howToJoin: preview.howToJoin,
    channels: preview.channels.map((channel) => ({ channel, name: channelNames[channel] ?? channel })),
    published: preview.published,
  };
}

export type PreviewView = ReturnType<typeof previewView>;

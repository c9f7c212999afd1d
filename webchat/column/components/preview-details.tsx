import type { PreviewItem } from '../api';
import { sessionTime } from '../column-format';

/** What a citizen needs to take part in one session: who, when, what about and how. */
export function PreviewDetails({ preview }: { preview: PreviewItem }) {
  return (
    <dl class="preview-details">
      <dt>接线领导</dt>
      <dd>{preview.leaderTitle}</dd>
      <dt>接线时间</dt>
      <dd>{sessionTime(preview.startsAt, preview.endsAt)}</dd>
      <dt>职责范围</dt>
      <dd>{preview.scope}</dd>
      <dt>参与方式</dt>
      <dd>
        <ul class="join-ways">
          {preview.channels.map((channel) => (
            <li key={channel.channel}>{channel.name}</li>
          ))}
        </ul>
        <p class="join-note">{preview.howToJoin}</p>
      </dd>
    </dl>
  );
}

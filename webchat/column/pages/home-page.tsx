import { rememberedValue } from '../../src/remembered-value';
import { api } from '../api';
import { usePageTitle } from '../components/page-title';
import { PollSection } from '../components/poll-section';
import { PreviewsSection } from '../components/previews-section';
import { SubmissionSection } from '../components/submission-section';
import { useLoaded } from '../components/use-loaded';
import { rememberedVotes } from '../remembered-votes';

const votes = rememberedVotes(rememberedValue('xiaoning.column.votes'));

/** `/`: 宁德12345领导接线 with 接线预告, 征集投票 and 我要留言, and the way to the other pages. */
export function HomePage() {
  usePageTitle(undefined);
  const previews = useLoaded(api.previews, 'previews');
  return (
    <div class="home">
      <div class="intro">
        <h1 tabIndex={-1}>宁德12345领导接线</h1>
        <p>每周由一位市直部门或县（市、区）的负责同志走进 12345 热线，亲自接听市民来电、协调解决问题。</p>
        <p>您可以在这里看接线预告、为下一期接线单位投票、给接线领导留言；有政策问题，可以先点右下角的“问小宁”。</p>
      </div>
      <PreviewsSection previews={previews} />
      <PollSection votes={votes} />
      <SubmissionSection previews={previews} />
      <section class="card" aria-labelledby="more-heading">
        <h2 id="more-heading">更多内容</h2>
        <ul class="more-links">
          <li>
            <a href="/appeals">往期回顾</a>：以前的接线诉求和办理答复
          </li>
          <li>
            <a href="/stats">数据分析</a>：诉求的类别、类型和热门话题
          </li>
        </ul>
      </section>
    </div>
  );
}

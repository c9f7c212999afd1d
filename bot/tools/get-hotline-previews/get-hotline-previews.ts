import { z } from 'zod';
import { chinaDateTime } from '../../../common';
import { previewView } from '../../../hotline';
import { unitAndPeriodFields } from '../filter-fields';
import { askedAbout, askedAboutSchema, subjectOf } from '../asked-about';
import { defineToolUnit } from '../tool-unit';

const previewSchema = z.looseObject({
  unit: z.looseObject({ name: z.string() }),
  startsAt: z.string(),
  endsAt: z.string(),
  leaderTitle: z.string(),
  scope: z.string(),
});

export const getHotlinePreviews = defineToolUnit({
  name: 'get_hotline_previews',
  description: '查询领导接线预告：哪个单位、哪天几点、哪位领导接听、接线范围和参与方式。可按单位编号和时间段筛选，默认列出即将到来的场次。',
  kind: 'data',
  input: z.object({
    ...unitAndPeriodFields,
  }),
  output: z.object({
    asked: askedAboutSchema.optional(),
    previews: z.array(previewSchema),
    /** When nothing is coming for the unit or period asked about: its most recent past session, if any. */
    latest: previewSchema.nullable().optional(),
  }),
  async call({ unitId, from, to }, deps) {
    const now = deps.now?.() ?? new Date();
    const units = new Map((await deps.repositories.units.list()).map((unit) => [unit.id, unit]));
    const rows = await deps.repositories.previews.list({
      unitId,
      from: from ? new Date(from) : now,
      to: to ? new Date(to) : undefined,
      publishedOnly: true,
    });
    const asked = await askedAbout(deps, { unitId, from, to });
    const previews = rows.slice(0, 8).map((row) => previewView(row, units.get(row.unitId)));
    if (previews.length > 0 || (!unitId && !from && !to)) return { asked, previews };
    // Nothing coming for what was asked: say when the unit last took calls, so the answer is not a bare "no".
    const past = await deps.repositories.previews.list({ unitId, to: now, publishedOnly: true });
    const latest = past.at(-1);
    return { asked, previews, latest: latest ? previewView(latest, units.get(latest.unitId)) : null };
  },
  plan: ({ unit, period }) => ({ ...(unit ? { unitId: unit.id } : {}), ...period }),
  render({ asked, previews, latest }) {
    const subject = subjectOf(asked);
    if (previews.length === 0) {
      const nothing = subject === '' ? '近期还没有发布这方面的接线预告。' : `${subject}${asked?.period ? '' : '近期'}还没有领导接线安排。`;
      const last = latest ? `最近一次是${chinaDateTime(new Date(latest.startsAt))}，${latest.unit.name}（${latest.leaderTitle}）。` : '';
      return `${nothing}${last}预告发布后会在本栏目和12345微信公众号上公布。`;
    }
    const lines = previews
      .slice(0, 5)
      .map(
        (preview, index) => `${index + 1}. ${chinaDateTime(new Date(preview.startsAt))}，${preview.unit.name}（${preview.leaderTitle}）`,
      );
    return `${subject === '' ? '近期' : subject}的领导接线安排：\n${lines.join('\n')}\n到时拨打12345热线即可参与，也可以在栏目网页或微信公众号留言。`;
  },
  suggestions: ['怎么参加领导接线？', '往期接线大家都反映了什么？', '现在投票结果怎么样？'],
});

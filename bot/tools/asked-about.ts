import { z } from 'zod';
import type { ToolDependencies } from './tool-context';
import { periodLabel } from './period-label';

/** What a data tool was asked about, returned with its result so every answer can name it back (DESIGN §4). */
export const askedAboutSchema = z.object({
  unitName: z.string().optional(),
  period: z.string().optional(),
  category: z.string().optional(),
  keywords: z.string().optional(),
});
export type AskedAbout = z.infer<typeof askedAboutSchema>;

/** The unit's name (from its id), the period in words, and the other filters as given. */
export async function askedAbout(
  deps: Pick<ToolDependencies, 'repositories'>,
  filters: {
    unitId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    category?: string | undefined;
    keywords?: string | undefined;
  },
): Promise<AskedAbout> {
  const unit = filters.unitId ? await deps.repositories.units.get(filters.unitId) : undefined;
  const period = periodLabel(filters);
  return {
    ...(unit ? { unitName: unit.name } : {}),
    ...(period ? { period } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.keywords ? { keywords: filters.keywords } : {}),
  };
}

/** 霞浦县人民政府2026年11月关于“停水”的 — the words before 诉求 that say what was looked for. */
export function subjectOf(asked: AskedAbout | undefined): string {
  if (!asked) return '';
  return `${asked.unitName ?? ''}${asked.period ?? ''}${asked.category ? `${asked.category}类` : ''}${asked.keywords ? `关于“${asked.keywords}”` : ''}`;
}

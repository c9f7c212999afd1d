/** 往期回顾's view in its address (?unit=xpx&date=2026-11-10&page=2&month=2026-11), so a view can be shared. */
export interface AppealsView {
  unit: string;
  date: string;
  page: number;
  month: string;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function readAppealsView(query: Record<string, string | undefined>, today: string): AppealsView {
  const date = query.date && datePattern.test(query.date) ? query.date : '';
  const page = Number(query.page);
  return {
    unit: query.unit && /^[A-Za-z0-9_-]{1,100}$/.test(query.unit) ? query.unit : '',
    date,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    month: query.month && monthPattern.test(query.month) ? query.month : (date || today).slice(0, 7),
  };
}

/** The address of a view; defaults are left out so addresses stay short. */
export function appealsAddress(view: AppealsView, today: string): string {
  const parameters = new URLSearchParams();
  if (view.unit) parameters.set('unit', view.unit);
  if (view.date) parameters.set('date', view.date);
  if (view.month !== (view.date || today).slice(0, 7)) parameters.set('month', view.month);
  if (view.page > 1) parameters.set('page', String(view.page));
  const query = parameters.toString();
  return query ? `/appeals?${query}` : '/appeals';
}

import { appealsApi } from '../appeals-api';
import { useLoaded } from '../components/use-loaded';
import { dayLabel, monthLabel, monthWeeks, shiftMonth } from './calendar-month';

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];

export interface SessionCalendarProps {
  month: string;
  unitId: string;
  /** The chosen session day, '' for none. */
  date: string;
  onMonth: (month: string) => void;
  onDate: (date: string) => void;
}

/**
 * 接线日历: a month grid (a table, so screen readers read rows and weekdays); days with sessions are buttons
 * naming the unit and the number of appeals; the chosen unit narrows it.
 */
export function SessionCalendar({ month, unitId, date, onMonth, onDate }: SessionCalendarProps) {
  const calendar = useLoaded(() => appealsApi.calendar(month, unitId || undefined), `${month}|${unitId}`);
  const days = new Map(calendar.status === 'ready' ? calendar.value.days.map((day) => [day.date, day]) : []);
  return (
    <section class="card calendar" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">接线日历</h2>
      <div class="calendar-nav">
        <button type="button" class="plain-button" onClick={() => onMonth(shiftMonth(month, -1))}>
          <span aria-hidden="true">‹ </span>上个月
        </button>
        <p class="calendar-month" aria-live="polite">
          {monthLabel(month)}
        </p>
        <button type="button" class="plain-button" onClick={() => onMonth(shiftMonth(month, 1))}>
          下个月<span aria-hidden="true"> ›</span>
        </button>
      </div>
      <table class="calendar-grid">
        <caption class="visually-hidden">{monthLabel(month)}接线日历，有接线的日子可以点选</caption>
        <thead>
          <tr>
            {weekdays.map((weekday) => (
              <th key={weekday} scope="col" abbr={`星期${weekday}`}>
                {weekday}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week, row) => (
            <tr key={row}>
              {week.map((day, column) => {
                if (!day) return <td key={column} />;
                const session = days.get(day);
                const number = Number(day.slice(8, 10));
                if (!session) return <td key={column}>{number}</td>;
                const units = session.sessions.map((each) => each.unit.name).join('、');
                return (
                  <td key={column} class="session-day">
                    <button type="button" class="day-button" aria-pressed={date === day} onClick={() => onDate(date === day ? '' : day)}>
                      {/* The name read out is the whole sentence; the visible part (3, 67件) is inside it, as axe asks. */}
                      <span class="visually-hidden">{Number(day.slice(5, 7))}月</span>
                      <span class="day-number">{number}</span>
                      <span class="visually-hidden">日，{units}接线，</span>
                      <span class="day-count">{session.count}件</span>
                      <span class="visually-hidden">诉求</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {calendar.status === 'failed' && (
        <p class="error" role="alert">
          日历暂时没有加载出来：{calendar.failure.message}
        </p>
      )}
      {calendar.status === 'ready' && calendar.value.days.length === 0 && (
        <p class="empty">
          {monthLabel(month)}没有{unitId ? '这个单位的' : ''}接线。可以点“上个月”“下个月”看看。
        </p>
      )}
      {date && (
        <p class="calendar-chosen">
          正在看 {dayLabel(date)} 的诉求。
          <button type="button" class="plain-button" onClick={() => onDate('')}>
            不限日期
          </button>
        </p>
      )}
    </section>
  );
}

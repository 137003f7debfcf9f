// The table alternatives of the charts: the same numbers, each a link to its queue list.
import {
  avgRating,
  fmtPercent,
  fmtRating,
  itemScope,
  link,
  periodScope,
  prevScope,
  share,
} from "@/lib/analytics/dashboard-figures";
import type { DashboardData } from "@/lib/analytics/dashboard-types";
import { FigureValue } from "./figure-link";

const th = "border-b border-slate-300 px-2 py-1 text-left font-medium";
const td = "border-b border-slate-100 px-2 py-1";
const num = `${td} text-right tabular-nums`;

export function VolumeTable({ d }: { d: DashboardData }) {
  const grid = d.buckets.map(() => d.items.map(() => 0));
  for (const c of d.cells) grid[c.b][c.i] = c.messages;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Число сообщений по периодам и разрезу</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Период
          </th>
          {d.items.map((it) => (
            <th key={it.id} scope="col" className={th}>
              {it.label}
            </th>
          ))}
          <th scope="col" className={th}>
            Всего
          </th>
        </tr>
      </thead>
      <tbody>
        {d.buckets.map((b, bi) => (
          <tr key={b.key}>
            <th scope="row" className={`${td} font-normal`}>
              {b.label}
            </th>
            {d.items.map((it, ii) => (
              <td key={it.id} className={num}>
                <FigureValue
                  f={link(
                    `${b.label}, ${it.label}`,
                    grid[bi][ii],
                    itemScope({ from: b.from, to: b.to }, d.period.dim, it),
                    "messages",
                  )}
                />
              </td>
            ))}
            <td className={num}>
              <FigureValue
                f={link(
                  `${b.label}, всего`,
                  grid[bi].reduce((s, x) => s + x, 0),
                  { from: b.from, to: b.to },
                  "messages",
                )}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SatisfactionTable({ d }: { d: DashboardData }) {
  const acc = d.buckets.map(() => ({ rated: 0, satisfied: 0, ratingSum: 0, ratingCount: 0 }));
  for (const c of d.cells) {
    acc[c.b].rated += c.rated;
    acc[c.b].satisfied += c.satisfied;
    acc[c.b].ratingSum += c.ratingSum;
    acc[c.b].ratingCount += c.ratingCount;
  }
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Удовлетворённость по периодам</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Период
          </th>
          <th scope="col" className={th}>
            С оценкой
          </th>
          <th scope="col" className={th}>
            Удовлетворены
          </th>
          <th scope="col" className={th}>
            Доля
          </th>
          <th scope="col" className={th}>
            Средняя оценка
          </th>
        </tr>
      </thead>
      <tbody>
        {d.buckets.map((b, bi) => {
          const s = { from: b.from, to: b.to };
          const a = acc[bi];
          return (
            <tr key={b.key}>
              <th scope="row" className={`${td} font-normal`}>
                {b.label}
              </th>
              <td className={num}>
                <FigureValue f={link(`${b.label}, с оценкой`, a.rated, s, "rated")} />
              </td>
              <td className={num}>
                <FigureValue f={link(`${b.label}, удовлетворены`, a.satisfied, s, "satisfied")} />
              </td>
              <td className={num}>{fmtPercent(share(a.satisfied, a.rated))}</td>
              <td className={num}>{fmtRating(a.ratingCount ? a.ratingSum / a.ratingCount : null)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Per value of the dimension: volume and satisfaction, the period against the previous one. */
export function DimTable({ d }: { d: DashboardData }) {
  const cs = periodScope(d.period);
  const ps = prevScope(d.period);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Сообщения и удовлетворённость по разрезу, период и прошлый период</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Значение
          </th>
          <th scope="col" className={th}>
            Сообщений
          </th>
          <th scope="col" className={th}>
            было
          </th>
          <th scope="col" className={th}>
            Удовлетворены / с оценкой
          </th>
          <th scope="col" className={th}>
            Доля
          </th>
          <th scope="col" className={th}>
            было
          </th>
          <th scope="col" className={th}>
            Средняя оценка
          </th>
          <th scope="col" className={th}>
            было
          </th>
        </tr>
      </thead>
      <tbody>
        {d.byDim.map((r) => {
          const c = itemScope(cs, d.period.dim, r.item);
          const p = itemScope(ps, d.period.dim, r.item);
          return (
            <tr key={r.item.id}>
              <th scope="row" className={`${td} font-normal`}>
                {r.item.label}
              </th>
              <td className={num}>
                <FigureValue f={link(`${r.item.label}, сообщений`, r.cur.messages, c, "messages")} />
              </td>
              <td className={num}>
                <FigureValue f={link(`${r.item.label}, сообщений в прошлом периоде`, r.prev.messages, p, "messages")} />
              </td>
              <td className={num}>
                <FigureValue f={link(`${r.item.label}, удовлетворены`, r.cur.satisfied, c, "satisfied")} /> /{" "}
                <FigureValue f={link(`${r.item.label}, с оценкой`, r.cur.rated, c, "rated")} />
              </td>
              <td className={num}>{fmtPercent(share(r.cur.satisfied, r.cur.rated))}</td>
              <td className={num}>{fmtPercent(share(r.prev.satisfied, r.prev.rated))}</td>
              <td className={num}>{fmtRating(avgRating(r.cur))}</td>
              <td className={num}>{fmtRating(avgRating(r.prev))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ComplianceTable({ d }: { d: DashboardData }) {
  const cs = periodScope(d.period);
  const ps = prevScope(d.period);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Ответы в срок по блокам</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Блок
          </th>
          <th scope="col" className={th}>
            В срок
          </th>
          <th scope="col" className={th}>
            С нарушением
          </th>
          <th scope="col" className={th}>
            Доля в срок
          </th>
          <th scope="col" className={th}>
            было
          </th>
          <th scope="col" className={th}>
            в срок / с нарушением, было
          </th>
        </tr>
      </thead>
      <tbody>
        {d.byBlock.map((r) => {
          const c = itemScope(cs, "block", r.item);
          const p = itemScope(ps, "block", r.item);
          return (
            <tr key={r.item.id}>
              <th scope="row" className={`${td} font-normal`}>
                {r.item.label}
              </th>
              <td className={num}>
                <FigureValue f={link(`${r.item.label}, в срок`, r.cur.onTime, c, "onTime")} />
              </td>
              <td className={num}>
                <FigureValue
                  f={link(`${r.item.label}, с нарушением срока`, r.cur.onTimeBase - r.cur.onTime, c, "late")}
                />
              </td>
              <td className={num}>{fmtPercent(share(r.cur.onTime, r.cur.onTimeBase))}</td>
              <td className={num}>{fmtPercent(share(r.prev.onTime, r.prev.onTimeBase))}</td>
              <td className={num}>
                <FigureValue f={link(`${r.item.label}, в срок в прошлом периоде`, r.prev.onTime, p, "onTime")} /> /{" "}
                <FigureValue
                  f={link(
                    `${r.item.label}, с нарушением в прошлом периоде`,
                    r.prev.onTimeBase - r.prev.onTime,
                    p,
                    "late",
                  )}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function OverdueList({ d }: { d: DashboardData }) {
  return (
    <ul className="space-y-1 text-sm">
      {d.overdue.byBlock.map((o) => (
        <li key={o.item.id} className="flex justify-between gap-4">
          <span>{o.item.label}</span>
          <FigureValue
            f={link(
              `${o.item.label}, просрочено сейчас`,
              o.value,
              o.item.code ? { block: o.item.code } : null,
              "overdue",
            )}
          />
        </li>
      ))}
    </ul>
  );
}

export function CallsTable({ d }: { d: DashboardData }) {
  const cs = periodScope(d.period);
  const ps = prevScope(d.period);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Звонки кураторов жителям перед ответом ПОС</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Куратор
          </th>
          <th scope="col" className={th}>
            Звонок был
          </th>
          <th scope="col" className={th}>
            Без звонка
          </th>
          <th scope="col" className={th}>
            Доля
          </th>
          <th scope="col" className={th}>
            было
          </th>
          <th scope="col" className={th}>
            был / без звонка, было
          </th>
        </tr>
      </thead>
      <tbody>
        {d.curators.map((r) => {
          const c = { ...cs, curator: r.id };
          const p = { ...ps, curator: r.id };
          return (
            <tr key={r.id}>
              <th scope="row" className={`${td} font-normal`}>
                {r.name}
              </th>
              <td className={num}>
                <FigureValue f={link(`${r.name}, звонок был`, r.cur.called, c, "called")} />
              </td>
              <td className={num}>
                <FigureValue f={link(`${r.name}, без звонка`, r.cur.callNeeded - r.cur.called, c, "notCalled")} />
              </td>
              <td className={num}>{fmtPercent(share(r.cur.called, r.cur.callNeeded))}</td>
              <td className={num}>{fmtPercent(share(r.prev.called, r.prev.callNeeded))}</td>
              <td className={num}>
                <FigureValue f={link(`${r.name}, звонок был в прошлом периоде`, r.prev.called, p, "called")} /> /{" "}
                <FigureValue
                  f={link(`${r.name}, без звонка в прошлом периоде`, r.prev.callNeeded - r.prev.called, p, "notCalled")}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

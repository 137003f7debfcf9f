import type { Metadata } from "next";
import { AppLink as Link } from "@/components/ui/app-link";
import { requirePage } from "@/lib/auth/session";
import { listChannelHealth, listQuarantine } from "@/lib/admin/channels";
import { CHANNEL_LABELS } from "@/lib/messages/labels";
import { formatDateTime, formatNumber } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { ChannelControls } from "@/components/admin/channel-controls";
import { QuarantineItem } from "@/components/admin/quarantine-item";
import { Table, THead, Th, Td, Tr } from "@/components/ui/table";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Каналы" };

function lag(sec: number | null): string {
  if (sec == null) return "—";
  if (sec < 120) return `${sec} с`;
  if (sec < 7200) return `${Math.round(sec / 60)} мин`;
  return `${Math.round(sec / 3600)} ч`;
}

export default async function ChannelsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  await requirePage("/admin/channels");
  const saved = Number((await searchParams).saved);
  const [channels, quarantine] = await Promise.all([listChannelHealth(), listQuarantine()]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Каналы</h1>
      {Number.isInteger(saved) && saved > 0 && (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          Сообщение из карантина сохранено:{" "}
          <Link className="underline" href={`/messages/${saved}`}>
            № {saved}
          </Link>
          .
        </p>
      )}
      <Table caption="Состояние каналов поступления сообщений">
        <THead>
          <tr>
            <Th>Канал</Th>
            <Th>Состояние</Th>
            <Th>Последняя успешная загрузка</Th>
            <Th>Отставание</Th>
            <Th>Ошибки</Th>
            <Th>В карантине</Th>
            <Th>Загружено всего</Th>
            <Th>Действия</Th>
          </tr>
        </THead>
        <tbody>
          {channels.map((c) => (
            <Tr key={c.code} data-testid={`channel-${c.code}`}>
              <Td className="font-medium">
                {CHANNEL_LABELS[c.code]}
                <div className="text-xs text-slate-600">{c.baseUrl ?? "адрес не задан"}</div>
              </Td>
              <Td>
                {c.paused ? (
                  <Badge tone="amber">Приостановлен</Badge>
                ) : c.consecutiveErrors > 0 ? (
                  <Badge tone="red">Ошибки</Badge>
                ) : (
                  <Badge tone="green">Работает</Badge>
                )}
                <div className="text-xs text-slate-600">каждые {c.pullIntervalSec} с</div>
              </Td>
              <Td>{formatDateTime(c.lastSuccessAt)}</Td>
              <Td>{lag(c.lagSeconds)}</Td>
              <Td>
                {c.consecutiveErrors > 0 ? `${c.consecutiveErrors} подряд` : "нет"}
                {c.lastError && (
                  <div className="max-w-xs break-words text-xs text-red-800">
                    {formatDateTime(c.lastErrorAt)}: {c.lastError}
                  </div>
                )}
              </Td>
              <Td>{formatNumber(c.quarantined)}</Td>
              <Td>{formatNumber(c.totalIngested)}</Td>
              <Td>
                <ChannelControls
                  channel={c.code}
                  paused={c.paused}
                  label={CHANNEL_LABELS[c.code]}
                  interval={c.pullIntervalSec}
                />
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>

      <h2 className="mb-2 mt-8 text-xl font-semibold">Карантин</h2>
      <p className="mb-3 text-sm text-slate-700">
        Сообщения, не прошедшие проверку. Они не потеряны: исправьте данные и повторите, или отклоните запись.
      </p>
      {quarantine.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          Карантин пуст.
        </p>
      ) : (
        <ul className="space-y-3">
          {quarantine.map((q) => (
            <Card key={q.id} as="li" data-testid="quarantine-item">
              <div className="mb-2 flex flex-wrap gap-3 text-sm">
                <span className="font-medium">{CHANNEL_LABELS[q.channel]}</span>
                <span>№ в канале: {q.externalId ?? "нет"}</span>
                <span>{formatDateTime(q.createdAt)}</span>
                <span>попыток: {q.attempts}</span>
              </div>
              <p className="mb-2 rounded bg-red-50 px-2 py-1 text-sm text-red-900">Ошибка: {q.error}</p>
              <QuarantineItem id={q.id} rawBody={q.rawBody} />
            </Card>
          ))}
        </ul>
      )}
    </>
  );
}

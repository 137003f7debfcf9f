// A channel failure in words a coordinator or curator can act on.
import { isChannelError } from "@/lib/channels/adapter";

export function describeDispatchError(e: unknown): string {
  if (!isChannelError(e))
    return e instanceof Error ? `внутренняя ошибка (${e.message.slice(0, 200)})` : "внутренняя ошибка";
  const what =
    e.code === "timeout"
      ? "канал не ответил вовремя"
      : e.code === "network"
        ? "нет связи с сервером канала"
        : e.code === "rate_limited"
          ? "канал временно ограничил число запросов"
          : e.code === "malformed"
            ? "сервер канала вернул непонятный ответ"
            : e.remoteCode === "message_not_found"
              ? "канал не знает такого сообщения"
              : `сервер канала вернул ошибку ${e.status ?? ""}`.trim();
  return `${what} (${e.message.slice(0, 200)}; попыток: ${e.attempts})`;
}

// The header through which the web server (lib/cli/web.ts) tells the app the client's address.
// The server overwrites whatever a client sends under this name, so the app may trust it.
export const CLIENT_IP_HEADER = "x-mcu-client-ip";

/** The client's address from request headers (a Request, or next-auth's plain header object). */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined> | undefined): string | null {
  if (!headers) return null;
  const v = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s.replace(/^::ffff:/, "").slice(0, 64) : null;
}

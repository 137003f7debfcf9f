// Every state-changing route handler (withAuth) refuses a request whose Origin is missing or names
// another site: the session cookie alone must not let another site import or upload.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { ensureSeeded } from "../support/seeded";
import { makeMessage, userOf } from "./workflow-support";

// The route handlers call authorize() (the session of the request); here the test chooses the user.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const orig = await importOriginal<typeof import("@/lib/auth/session")>();
  const { AppError } = await import("@/lib/errors");
  const { assertCan } = await import("@/lib/auth/guards");
  return {
    ...orig,
    // Only where the user comes from is replaced; the capability is checked by the real guard.
    authorize: async (permission?: Parameters<typeof orig.authorize>[0]) => {
      if (!session.user) throw new AppError("unauthenticated", "Сеанс истёк. Войдите снова.");
      if (permission) assertCan(session.user, permission);
      return session.user;
    },
  };
});

const { POST: importPost } = await import("@/app/api/import/incident/route");
const { POST: attachPost } = await import("@/app/(desk)/messages/[id]/attachments/route");

const HOST = "desk.example.ru";
function req(url: string, origin: string | null, body: BodyInit, extra: Record<string, string> = {}): Request {
  const headers: Record<string, string> = { host: HOST, ...extra };
  if (origin !== null) headers.origin = origin;
  return new Request(`http://${HOST}${url}`, { method: "POST", headers, body });
}
const attachForm = () => {
  const fd = new FormData();
  fd.set("file", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "x.png", { type: "image/png" }));
  return fd;
};

let messageId = "";
beforeAll(async () => {
  await ensureSeeded();
  messageId = String((await makeMessage({ block: "zhkh", status: "in_work" })).id);
});

describe("assertSameOrigin", () => {
  const h = (headers: Record<string, string>) => new Request(`http://${HOST}/x`, { method: "POST", headers });
  it("accepts the request's own host, behind a proxy too", () => {
    expect(() => assertSameOrigin(h({ host: HOST, origin: `https://${HOST}` }))).not.toThrow();
    expect(() =>
      assertSameOrigin(h({ host: "localhost:3000", "x-forwarded-host": HOST, origin: `https://${HOST}` })),
    ).not.toThrow();
  });
  it("refuses a missing, foreign or unparsable Origin", () => {
    for (const headers of [
      { host: HOST } as Record<string, string>,
      { host: HOST, origin: "https://evil.example" },
      { host: HOST, origin: "null" },
      { host: HOST, origin: `https://${HOST}.evil.example` },
    ]) {
      expect(() => assertSameOrigin(h(headers))).toThrow(
        expect.objectContaining({ code: "forbidden", message: "Запрос отклонён." }),
      );
    }
  });
});

describe("state-changing route handlers check Origin", () => {
  const cases = [
    {
      name: "xlsx import",
      user: "coordinator",
      send: (origin: string | null) =>
        importPost(
          req("/api/import/incident?mode=preview", origin, "not a workbook", {
            "content-type": "application/octet-stream",
          }),
          undefined,
        ),
    },
    {
      name: "attachment upload",
      user: "head_zhkh",
      send: (origin: string | null) =>
        attachPost(req(`/messages/${messageId}/attachments`, origin, attachForm()), {
          params: Promise.resolve({ id: messageId }),
        }),
    },
  ];
  for (const c of cases) {
    it(`${c.name}: a foreign or missing Origin gets 403, even with a session`, async () => {
      session.user = await userOf(c.user);
      for (const origin of ["https://evil.example", null]) {
        const res = await c.send(origin);
        expect(res.status).toBe(403);
        expect((await res.json()).error).toEqual({ code: "forbidden", message: "Запрос отклонён." });
      }
    });
    it(`${c.name}: the same origin passes the check`, async () => {
      session.user = null;
      expect((await c.send(`http://${HOST}`)).status).toBe(401);
      session.user = await userOf(c.user);
      const res = await c.send(`http://${HOST}`);
      expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    });
  }
});

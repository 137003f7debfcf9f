// The page's rows reach PostgreSQL through a staging step (COPY text on a server, JSON on the
// embedded database): whatever characters a resident types must arrive unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { writePage } from "@/lib/ingest/write-page";
import { prepareMessages } from "@/lib/ingest/prepare";
import { loadRoutingContext } from "@/lib/routing/context";
import { createAdapter } from "@/lib/channels/adapter";
import { ensureSeeded } from "../support/seeded";
import { simulatorFor } from "../support/ingest-helpers";

beforeAll(async () => {
  await ensureSeeded();
});

describe("staging a page", () => {
  it("stores tabs, newlines, backslashes, a literal \\N and nulls exactly, and the raw text only where it differs", async () => {
    const sim = await simulatorFor("pos", { seed: 9191, total: 3, pageSize: 3, editRate: 0 });
    try {
      const page = await createAdapter("pos", {
        baseUrl: sim.url,
        token: "",
        timeoutMs: 5000,
        maxRetries: 1,
      }).fetchPage(null, 3);
      const base = page.items.flatMap((i) => (i.result.ok ? [i.result.message] : []));
      expect(base).toHaveLength(3);
      const tricky = "Яма\tво дворе\\дом 5\nподъезд\r\n2 \\N «кавычки» 'и' \"ещё\" 🚧";
      const messages = [
        {
          ...base[0],
          externalId: "stage-a",
          title: null,
          textRaw: `<p>${tricky}</p>`,
          textClean: tricky,
          address: "\\N",
          authorEmail: null,
          lat: null,
          lon: null,
        },
        {
          ...base[1],
          externalId: "stage-b",
          title: "Заголовок\tс табуляцией",
          textRaw: "просто текст",
          textClean: "просто текст",
        },
        { ...base[2], externalId: "stage-c" },
      ];
      const rows = prepareMessages(messages, await loadRoutingContext(db()));
      const client = await pgPool().connect();
      try {
        const w = await writePage(client, "pos", undefined, undefined, rows, []);
        expect(w.inserted).toBe(3);
      } finally {
        client.release();
      }
      const stored = await db().message.findMany({
        where: { channel: "pos", externalId: { in: ["stage-a", "stage-b", "stage-c"] } },
        orderBy: { externalId: "asc" },
      });
      expect(stored.map((m) => m.externalId)).toEqual(["stage-a", "stage-b", "stage-c"]);
      expect(stored[0]).toMatchObject({
        title: null,
        textRaw: `<p>${tricky}</p>`,
        textClean: tricky,
        address: "\\N",
        authorEmail: null,
        lat: null,
        lon: null,
      });
      // Without markup the raw text is the clean text, and only the clean one is stored.
      expect(stored[1]).toMatchObject({ title: "Заголовок\tс табуляцией", textRaw: null, textClean: "просто текст" });
      expect(stored[2]).toMatchObject({
        textRaw: base[2].textRaw === base[2].textClean ? null : base[2].textRaw,
        textClean: base[2].textClean,
        lat: base[2].lat,
        lon: base[2].lon,
      });
      expect(stored[2].dueAt!.getTime()).toBe(rows[2].clock.dueAt.getTime());
      expect(stored[2].topicReason).toEqual(rows[2].d.topicReason);
    } finally {
      await sim.close();
    }
  });
});

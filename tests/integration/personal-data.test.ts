// Personal data that residents write into the message text itself (152-ФЗ): the МЦУ curator, who
// may not read applicants' personal data, gets every such text masked by the server (message
// page, queue, search, problems, growth samples, answers and call notes) and cannot find a
// message by a name or phone number; the roles that may read it see the text as written, and
// such a read is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { indexPendingSearch } from "@/lib/search/index-pending";
import { getMessage } from "@/lib/messages/get-message";
import { listQueue } from "@/lib/queue/list-queue";
import { getMessageWorkflow } from "@/lib/workflow/message-workflow";
import { relatedMessages } from "@/lib/messages/related";
import { ensureSeeded } from "../support/seeded";
import { makeMessage, userOf } from "./workflow-support";

// A marker word of our own makes the message findable by a search that is allowed.
const marker = `пдпроверка${randomUUID().slice(0, 8).replace(/\d/g, "ж")}`;
const TEXT =
  `Обращается Алексеева Ю. Н., тел. +7 914 903-96-42, проживаю по ул. Ленина, д. 12, кв. 45. ` +
  `Второй месяц течёт крыша (${marker}). Соседка Петрова Анна Сергеевна звонила в УК по номеру 8(42433)5-12-34, ` +
  `ответа нет. Прошу ответить на ivanov@mail.ru.`;
const SECRETS = ["Алексеева", "903-96-42", "Петрова", "Сергеевна", "5-12-34", "ivanov@mail.ru", "кв. 45"];

let messageId: number;

async function reindex() {
  const c = await pgPool().connect();
  try {
    await indexPendingSearch(c);
  } finally {
    c.release();
  }
}

beforeAll(async () => {
  await ensureSeeded();
  const m = await makeMessage({ status: "in_work" });
  messageId = m.id;
  await db().message.update({
    where: { id: m.id },
    data: { textRaw: TEXT, textClean: TEXT, title: "Течёт крыша, Алексеева Ю. Н." },
  });
  const head = await db().user.findUniqueOrThrow({ where: { login: "head_zhkh" }, select: { id: true } });
  await db().answer.create({
    data: {
      messageId: m.id,
      round: 1,
      status: "submitted",
      text: "Уважаемая Алексеева Ю. Н.! Кровля дома 12 по ул. Ленина будет отремонтирована до 20.12.2026.",
      authorId: head.id,
      submittedAt: new Date(),
    },
  });
  await reindex();
});

function expectMasked(s: string) {
  for (const secret of SECRETS) expect(s, `«${secret}» must be masked`).not.toContain(secret);
  expect(s).toContain("[ФИО скрыто]");
}

describe("the МЦУ curator", () => {
  it("reads the message with names, phones, e-mails and flats masked; street and house stay", async () => {
    const u = await userOf("mcu_curator");
    const m = await getMessage(u, messageId);
    expectMasked(`${m.title} ${m.textClean}`);
    expect(m.textClean).toContain("[телефон скрыт]");
    expect(m.textClean).toContain("[e-mail скрыт]");
    expect(m.textClean).toContain("ул. Ленина, д. 12, кв. [скрыто]");
    expect(m.author).toBeNull();
    const wf = await getMessageWorkflow(u, messageId);
    expect(wf.answers).toHaveLength(1);
    expect(wf.answers[0].text).toBe(
      "Уважаемая [ФИО скрыто]! Кровля дома 12 по ул. Ленина будет отремонтирована до 20.12.2026.",
    );
  });

  it("sees the masked preview in the queue", async () => {
    const u = await userOf("mcu_curator");
    const r = await listQueue(u, { q: marker });
    const row = r.data.find((x) => x.id === messageId);
    expect(row, "the marker word finds the message").toBeDefined();
    expectMasked(row!.preview);
  });

  it("cannot find the message by a surname or a phone number written in it", async () => {
    const u = await userOf("mcu_curator");
    for (const q of ["Алексеева", "Петрова Анна", "903-96-42", "ivanov@mail.ru"]) {
      const r = await listQueue(u, { q });
      expect(
        r.data.map((x) => x.id),
        q,
      ).not.toContain(messageId);
    }
  });

  it("sees related messages masked too", async () => {
    const u = await userOf("mcu_curator");
    const other = await makeMessage({ status: "in_work" });
    await db().message.update({
      where: { id: other.id },
      data: { textClean: `${TEXT} Повторно.`, textRaw: `${TEXT} Повторно.` },
    });
    const m = await db().message.findUniqueOrThrow({
      where: { id: messageId },
      select: { id: true, topicId: true, locality: true, textClean: true, registeredAt: true },
    });
    const related = await relatedMessages(u, m);
    const r = related.find((x) => x.id === other.id);
    expect(r, "the copy is related").toBeDefined();
    expectMasked(r!.preview);
  });
});

describe("roles that may read personal data", () => {
  it("the coordinator reads the text as written, finds it by the surname, and the read is audited", async () => {
    const u = await userOf("coordinator");
    // Our message has an author too; audit is about the text: take the author off.
    await db().message.update({
      where: { id: messageId },
      data: { authorName: null, authorPhone: null, authorEmail: null },
    });
    const before = await db().auditLog.count({
      where: { action: "personal_data_read", entity: "message", entityId: String(messageId), actorId: u.id },
    });
    const m = await getMessage(u, messageId);
    expect(m.textClean).toBe(TEXT);
    const after = await db().auditLog.count({
      where: { action: "personal_data_read", entity: "message", entityId: String(messageId), actorId: u.id },
    });
    expect(after).toBe(before + 1);
    const r = await listQueue(u, { q: "Алексеева" });
    expect(r.data.map((x) => x.id)).toContain(messageId);
  });
});

// npm run user:admin -- --login <login> [--name "ФИО"]
// Creates the first МЦУ head of a real install (no demo accounts there) with a random password,
// printed once: sign in with it and hand out the other accounts on «Пользователи».
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { db, disconnectDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { audit } from "@/lib/audit";
import { env } from "@/lib/env";

const { values } = parseArgs({ options: { login: { type: "string" }, name: { type: "string" } }, strict: true });
const login = values.login?.trim().toLowerCase() ?? "";
if (!/^[a-z0-9_.-]{3,40}$/.test(login)) {
  console.error("Укажите логин: --login <3–40 латинских строчных букв, цифр, «_», «.», «-»>.");
  process.exit(2);
}
if (!env().DATABASE_URL) {
  console.error("DATABASE_URL не задан: укажите базу данных, в которой создать учётную запись.");
  process.exit(2);
}
const fullName = (values.name ?? "Начальник МЦУ").trim().slice(0, 200);
if (await db().user.findUnique({ where: { login }, select: { id: true } })) {
  console.error(`Учётная запись «${login}» уже есть; пароль меняется на странице «Пользователи».`);
  await disconnectDb();
  process.exit(1);
}
const password = randomBytes(15).toString("base64url");
const u = await db().user.create({
  data: { login, fullName, role: "mcu_head", passwordHash: await hashPassword(password) },
  select: { id: true },
});
await audit({
  actorId: null,
  action: "user_created",
  entity: "user",
  entityId: u.id,
  data: { login, role: "mcu_head", via: "cli" },
});
console.log(`Создан начальник МЦУ «${login}». Пароль (показан один раз): ${password}`);
await disconnectDb();

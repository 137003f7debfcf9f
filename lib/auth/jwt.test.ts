import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken } from "./jwt";

const secret = "test-secret-0123456789-abcdefghijklmnop";
const token = {
  uid: 7,
  login: "coordinator",
  role: "coordinator" as const,
  blockId: null,
  name: "Иванова И. И.",
  sv: 1,
};

describe("session token", () => {
  it("is read by next-auth's own decode, and reads next-auth's tokens", async () => {
    const ours = await encodeSessionToken({ token, secret, maxAge: 3600 });
    expect(await decode({ token: ours, secret })).toMatchObject(token);
    const theirs = await encode({ token, secret, maxAge: 3600 });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject(token);
  });

  it("keeps the salt apart and refuses another secret, a tampered token and an expired one", async () => {
    const salted = await encodeSessionToken({ token, secret, salt: "next-auth.session-token", maxAge: 3600 });
    expect(await decode({ token: salted, secret, salt: "next-auth.session-token" })).toMatchObject(token);
    await expect(decodeSessionToken({ token: salted, secret })).rejects.toThrow();
    const t = await encodeSessionToken({ token, secret, maxAge: 3600 });
    await expect(decodeSessionToken({ token: t, secret: `${secret}x` })).rejects.toThrow();
    await expect(decodeSessionToken({ token: `${t.slice(0, -4)}AAAA`, secret })).rejects.toThrow();
    const expired = await encodeSessionToken({ token, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
  });

  it("returns null without a token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { AppError, GENERIC_ERROR_MESSAGE, postgresCode, publicMessage } from "./errors";

// The shapes below are what Prisma 7 with @prisma/adapter-pg and plain pg throw (taken from a run).
const prismaError = (originalCode: string) =>
  Object.assign(new Error("Invalid `db().user.updateMany()` invocation"), {
    code: "P2039",
    meta: {
      modelName: "User",
      driverAdapterError: Object.assign(new Error("DriverAdapterError"), {
        cause: { originalCode, kind: "postgres", code: originalCode },
      }),
    },
  });

describe("database errors caused by input", () => {
  it("finds the SQLSTATE through Prisma's adapter error and on a pg error", () => {
    expect(postgresCode(prismaError("22021"))).toBe("22021");
    expect(postgresCode(Object.assign(new Error("pg"), { code: "22003" }))).toBe("22003");
    expect(postgresCode(new Error("plain"))).toBeUndefined();
    expect(postgresCode(Object.assign(new Error("prisma"), { code: "P2002" }))).toBeUndefined();
  });
  it("a NUL refused by PostgreSQL (22021) is explained, not the generic error", () => {
    expect(publicMessage(prismaError("22021"))).toMatch(/недопустимые символы/);
    expect(publicMessage(prismaError("22003"))).toBe("Число вне допустимого диапазона.");
  });
  it("other failures stay generic; AppError keeps its words", () => {
    expect(publicMessage(prismaError("23505"))).toBe(GENERIC_ERROR_MESSAGE);
    expect(publicMessage(new Error("boom"))).toBe(GENERIC_ERROR_MESSAGE);
    expect(publicMessage(new AppError("conflict", "Уже занято."))).toBe("Уже занято.");
  });
});

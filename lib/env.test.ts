import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv: settings of the web server and the launcher", () => {
  it("defaults to what the code did before it read them through env()", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({
      PORT: 3000,
      WEB_COMPRESS: true,
      TRUST_PROXY: false,
      EMBEDDED_DB_PORT: 0,
      MCU_REBUILD: false,
      MCU_SIMULATORS: true,
      NEXT_DIST_DIR: ".next",
    });
    expect(e.WEB_CONCURRENCY).toBeUndefined(); // one process per core
  });

  it("reads 0/1 switches, numbers and an empty value as unset", () => {
    const e = parseEnv({
      PORT: "3100",
      WEB_CONCURRENCY: "2",
      WEB_COMPRESS: "0",
      TRUST_PROXY: "1",
      EMBEDDED_DB_PORT: "5433",
      MCU_REBUILD: "1",
      MCU_SIMULATORS: "0",
      NEXT_DIST_DIR: ".next-e2e",
    });
    expect(e).toMatchObject({
      PORT: 3100,
      WEB_CONCURRENCY: 2,
      WEB_COMPRESS: false,
      TRUST_PROXY: true,
      EMBEDDED_DB_PORT: 5433,
      MCU_REBUILD: true,
      MCU_SIMULATORS: false,
      NEXT_DIST_DIR: ".next-e2e",
    });
    expect(parseEnv({ WEB_CONCURRENCY: "", TRUST_PROXY: "", NEXT_DIST_DIR: "" })).toMatchObject({
      WEB_CONCURRENCY: undefined,
      TRUST_PROXY: false,
      NEXT_DIST_DIR: ".next",
    });
  });

  it("refuses a switch that is neither 0 nor 1 and a port out of range, naming the variable", () => {
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });
});

import { describe, expect, it } from "vitest";
import { format } from "date-fns";
import { ru } from "date-fns/locale";
import { TZDate } from "@date-fns/tz";
import { DISPLAY_TZ, formatDate, formatDateTime, formatNumber } from "./format";

const reference = (d: Date, f: string) => format(new TZDate(d, DISPLAY_TZ), f, { locale: ru });

describe("date formatting in the municipality's zone", () => {
  it("equals date-fns with the ru locale in Asia/Sakhalin for instants across 2010–2030 (offset changes of 2011, 2014 and 2016 included)", () => {
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const from = Date.UTC(2010, 0, 1);
    const to = Date.UTC(2030, 11, 31);
    const instants = Array.from({ length: 20_000 }, () => new Date(from + Math.floor(rnd() * (to - from))));
    // Around the zone's transitions and midnights, minute by minute.
    for (const edge of [
      Date.UTC(2011, 2, 26, 15),
      Date.UTC(2014, 9, 25, 14),
      Date.UTC(2016, 2, 26, 15),
      Date.UTC(2026, 11, 31, 13),
    ]) {
      for (let m = -120; m <= 120; m++) instants.push(new Date(edge + m * 60_000));
    }
    for (const d of instants) {
      expect(formatDateTime(d)).toBe(reference(d, "d MMM yyyy, HH:mm"));
      expect(formatDate(d.toISOString())).toBe(reference(d, "d MMMM yyyy"));
    }
  });

  it("shows a dash for a missing or invalid date", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDate(undefined)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
  });

  it("midnight in Kholmsk is the next day in the zone, not in UTC", () => {
    expect(formatDateTime("2026-12-31T13:00:00Z")).toBe("1 янв. 2027, 00:00");
    expect(formatDate("2026-05-08T12:59:00Z")).toBe("8 мая 2026");
  });

  it("groups thousands the Russian way", () => {
    expect(formatNumber(1234567)).toBe("1\u00a0234\u00a0567");
  });
});

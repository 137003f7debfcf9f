// The calendar warning the МЦУ head sees on /admin and /admin/policies.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { calendarYears } from "@/lib/deadlines";
import { CalendarWarning } from "@/components/routing/calendar-warning";

const render = (now: Date) => renderToStaticMarkup(createElement(CalendarWarning, { now }));

describe("CalendarWarning", () => {
  const last = Math.max(...calendarYears());

  it("warns from 1 October (Sakhalin time) when next year's calendar is missing", () => {
    // 30 September 14:00 UTC is already 1 October 01:00 in Sakhalin.
    const html = render(new Date(`${last}-09-30T14:00:00Z`));
    expect(html).toContain(`на ${last + 1} год`);
    expect(html).toContain('data-testid="calendar-warning"');
  });

  it("is silent before October and when the next year is loaded", () => {
    expect(render(new Date(`${last}-09-30T12:00:00Z`))).toBe("");
    expect(render(new Date(`${last - 1}-11-15T00:00:00Z`))).toBe("");
  });

  it("warns when even the current year is missing", () => {
    expect(render(new Date(`${last + 1}-03-01T00:00:00Z`))).toContain(`на ${last + 1} год`);
  });
});

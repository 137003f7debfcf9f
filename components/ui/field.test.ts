// Field ties the label, the control, the hint and the error together for screen readers.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field } from "@/components/ui/field";

const render = (props: { error?: string; hint?: string; describedBy?: string }) =>
  renderToStaticMarkup(
    // Children in props, not as createElement's third argument: Field's props type requires them.
    // eslint-disable-next-line react/no-children-prop -- see above
    createElement(Field, {
      id: "reason",
      label: "Причина",
      error: props.error,
      hint: props.hint,
      children: createElement("textarea", { name: "reason", "aria-describedby": props.describedBy }),
    }),
  );

const attr = (html: string, tag: string, name: string) =>
  new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];

describe("Field", () => {
  it("labels the control and names the error in aria-describedby", () => {
    const html = render({ error: "Укажите причину." });
    expect(attr(html, "label", "for")).toBe("reason");
    expect(attr(html, "textarea", "id")).toBe("reason");
    expect(attr(html, "textarea", "aria-invalid")).toBe("true");
    expect(attr(html, "textarea", "aria-describedby")).toBe("reason-error");
    expect(html).toContain('<p id="reason-error" class="mt-1 text-sm text-red-800">Укажите причину.</p>');
  });

  it("without an error describes the control by its hint only and marks it valid", () => {
    const html = render({ hint: "Видна в истории." });
    expect(attr(html, "textarea", "aria-invalid")).toBe("false");
    expect(attr(html, "textarea", "aria-describedby")).toBe("reason-hint");
    expect(html).toContain('<p id="reason-hint"');
    expect(html).not.toContain("reason-error");
  });

  it("keeps the control's own descriptions before the hint and the error", () => {
    const html = render({ hint: "h", error: "e", describedBy: "reason-count" });
    expect(attr(html, "textarea", "aria-describedby")).toBe("reason-count reason-hint reason-error");
  });
});

import { describe, expect, it } from "vitest";
import { approvalTarget, canTransition, TRANSITIONS, transitionError } from "./state-machine";

describe("message state machine", () => {
  it("follows the lifecycle of docs/ARCHITECTURE.md «Message lifecycle»", () => {
    const path = [
      "new",
      "routed",
      "in_work",
      "answer_review",
      "awaiting_contact",
      "answered",
      "reopened",
      "in_work",
    ] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });
  it("refuses shortcuts and moves out of final states", () => {
    expect(canTransition("new", "answered")).toBe(false);
    expect(canTransition("awaiting_contact", "closed")).toBe(false);
    expect(canTransition("rejected", "routed")).toBe(false);
    expect(TRANSITIONS.redirected).toHaveLength(0);
    expect(transitionError("new", "answered")).toBe(
      "Нельзя перевести сообщение из статуса «Новое» в «Ответ отправлен».",
    );
  });
  it("sends only ПОС answers through the curator's call", () => {
    expect(approvalTarget("pos")).toBe("awaiting_contact");
    expect(approvalTarget("smls")).toBe("answered");
  });
});

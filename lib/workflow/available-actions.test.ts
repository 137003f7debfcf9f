import { describe, expect, it } from "vitest";
import { availableActions, type ActionContext } from "./available-actions";
import { TRANSITIONS } from "./state-machine";
import type { StatusCode } from "@/lib/messages/labels";

const base: ActionContext = {
  role: "block_head",
  status: "routed",
  channel: "pos",
  extensionCount: 0,
  maxExtensions: 1,
  hasSubmittedAnswer: false,
  hasApprovedAnswer: false,
  hasPendingExtension: false,
};
const at = (o: Partial<ActionContext>) => availableActions({ ...base, ...o });

describe("availableActions", () => {
  it("block head", () => {
    expect(at({ status: "routed" })).toEqual(["accept", "return_misrouted"]);
    expect(at({ status: "reopened" })).toEqual(["accept"]);
    expect(at({ status: "in_work" })).toEqual(["edit_answer", "request_extension", "return_misrouted"]);
    expect(at({ status: "in_work", extensionCount: 1 })).toEqual(["edit_answer", "return_misrouted"]);
    for (const s of ["answer_review", "awaiting_contact", "answered", "extension_requested", "closed"] as const)
      expect(at({ status: s })).toEqual([]);
  });

  it("coordinator", () => {
    const c = { role: "coordinator" as const };
    expect(at({ ...c, status: "answer_review", hasSubmittedAnswer: true })).toEqual(["review_answer"]);
    expect(at({ ...c, status: "extension_requested", hasPendingExtension: true })).toEqual(["decide_extension"]);
    // A non-ПОС approved answer whose dispatch failed can be re-sent; a ПОС one waits for the call.
    expect(at({ ...c, status: "answer_review", channel: "incident", hasApprovedAnswer: true })).toEqual(["release"]);
    expect(at({ ...c, status: "answer_review", channel: "pos", hasApprovedAnswer: true })).toEqual([]);
    expect(at({ ...c, status: "routed" })).toEqual([]);
  });

  it("curator, and read-only roles", () => {
    expect(at({ role: "block_curator", status: "awaiting_contact", hasApprovedAnswer: true })).toEqual([
      "log_contact",
      "release",
    ]);
    expect(at({ role: "block_curator", status: "in_work" })).toEqual([]);
    for (const role of ["mcu_head", "mcu_curator"] as const) {
      for (const status of Object.keys(TRANSITIONS) as StatusCode[])
        expect(
          at({ role, status, hasApprovedAnswer: true, hasSubmittedAnswer: true, hasPendingExtension: true }),
        ).toEqual([]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES, REGIMES, isRegime, validatePolicy } from "./policies";

describe("default policies", () => {
  it("has one valid policy per regime", () => {
    expect(REGIMES).toEqual(["fz59", "pos_message", "social_incident", "portal"]);
    for (const regime of REGIMES) {
      expect(DEFAULT_POLICIES[regime].regime).toBe(regime);
      expect(validatePolicy(DEFAULT_POLICIES[regime])).toEqual([]);
      expect(DEFAULT_POLICIES[regime].atRiskShare).toBe(0.2);
    }
  });

  it("matches docs/ARCHITECTURE.md «Legal regimes and deadlines»", () => {
    expect(DEFAULT_POLICIES.fz59).toMatchObject({
      answerDays: 30,
      answerUnit: "calendar",
      extensionDays: 30,
      extensionUnit: "calendar",
      maxExtensions: 1,
      registrationDays: 3,
    });
    expect(DEFAULT_POLICIES.pos_message).toMatchObject({
      answerDays: 10,
      answerUnit: "working",
      extensionDays: 10,
      extensionUnit: "working",
      maxExtensions: 1,
    });
    expect(DEFAULT_POLICIES.social_incident).toMatchObject({
      firstReactionDays: 1,
      firstReactionUnit: "working",
      answerDays: 10,
      answerUnit: "working",
      extensionDays: 5,
      extensionUnit: "working",
    });
    expect(DEFAULT_POLICIES.portal).toMatchObject({
      answerDays: 10,
      answerUnit: "working",
      extensionDays: 10,
      extensionUnit: "working",
    });
  });

  it("flags invalid edits", () => {
    expect(validatePolicy({ ...DEFAULT_POLICIES.portal, answerDays: 0 })).toHaveLength(1);
    expect(validatePolicy({ ...DEFAULT_POLICIES.portal, atRiskShare: 1.5 })).toHaveLength(1);
    expect(isRegime("fz59")).toBe(true);
    expect(isRegime("email")).toBe(false);
  });
});

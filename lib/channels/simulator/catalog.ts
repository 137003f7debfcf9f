/**
 * Turns feed positions into the raw JSON items of one channel. Content is generated lazily
 * from (seed, message index) on every request. No cache on purpose: only ~3% of entries
 * (edits, page overlaps) revisit a message, and retaining thousands of messages pushed them
 * into the old generation, which cost more GC time than regenerating.
 */
import { generateResidentMessage, type ResidentMessage } from "@/lib/demo/generator";
import { createRng, hashSeed, hashUnit } from "@/lib/demo/rng";
import type { Feed } from "./feed";
import { isInvalidItem, type FaultOptions } from "./faults";
import { editedText, idBase, type ChannelRenderer, type JsonObject } from "./render/common";

export class Catalog {
  private readonly base: number;

  constructor(
    private readonly seed: number,
    private readonly renderer: ChannelRenderer,
    private readonly feed: Feed,
    private readonly publicUrl: string,
    private readonly faults: FaultOptions,
  ) {
    this.base = idBase(seed, renderer.channel);
  }

  externalId(m: number): string {
    return String(this.base + m);
  }

  /** Message index of an external id, or null if it is not one of this feed's messages. */
  indexOf(externalId: string): number | null {
    if (!/^\d{1,15}$/.test(externalId)) return null;
    const m = Number(externalId) - this.base;
    return m >= 0 && m < this.feed.total ? m : null;
  }

  message(m: number): ResidentMessage {
    return generateResidentMessage(createRng(hashSeed(this.seed, this.renderer.channel, m)), {
      style: this.renderer.style,
      at: new Date(this.feed.createdAtMs(m)),
      ...this.renderer.generateOptions(this.seed, m),
    });
  }

  /** The raw item at log position p (possibly deliberately invalid). */
  itemAt(p: number): JsonObject {
    const { message: m, version } = this.feed.entry(p);
    const base = this.message(m);
    const item = this.renderer.render({
      seed: this.seed,
      index: m,
      externalId: this.externalId(m),
      version,
      base,
      text: editedText(this.seed, m, base.text, version),
      createdAt: base.createdAt,
      updatedAt: new Date(this.feed.updatedAtMs(p)),
      publicUrl: this.publicUrl,
    });
    if (isInvalidItem(this.seed, p, this.faults)) {
      const breakers = this.renderer.corruptions;
      const breaker = breakers[Math.floor(hashUnit(this.seed, "breaker", p) * breakers.length)];
      breaker?.(item);
    }
    return item;
  }
}

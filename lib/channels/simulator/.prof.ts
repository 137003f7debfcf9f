import { Catalog } from "./catalog";
import { Feed } from "./feed";
import { NO_FAULTS } from "./faults";
import { RENDERERS } from "./render";
import { generateResidentMessage } from "@/lib/demo/generator";
import { createRng, hashSeed } from "@/lib/demo/rng";
const feed = new Feed({ seed: 1, total: 200000, editRate: 0.03, anchorMs: Date.now(), backlogDays: 30 });
const cat = new Catalog(1, RENDERERS.pos, feed, "http://127.0.0.1:1", NO_FAULTS);
for (let round = 0; round < 2; round++) {
let t = performance.now();
for (let i = 0; i < 50000; i++) generateResidentMessage(createRng(hashSeed(1, "pos", i)), { style: "formal", at: new Date(feed.createdAtMs(i)) });
console.log("gen 50k", performance.now() - t);
t = performance.now();
for (let p = 0; p < 50000; p++) cat.message(p);
console.log("cat.message 50k", performance.now() - t);
t = performance.now();
let len = 0;
for (let p = 50000; p < 100000; p++) len += JSON.stringify(cat.itemAt(p)).length;
console.log("itemAt+stringify 50k", performance.now() - t);
}

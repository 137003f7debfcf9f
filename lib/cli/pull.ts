// npm run pull -- --channel pos [--max-pages N] [--page-size N] — pulls one channel now.
import { parseArgs } from "node:util";
import { CHANNEL_CODES, type ChannelCode } from "@/lib/channels/types";
import { pullChannel } from "@/lib/ingest/pull-channel";
import { closePgPool } from "@/lib/db/pg-pool";
import { disconnectDb } from "@/lib/db";

const { values } = parseArgs({
  options: { channel: { type: "string" }, "max-pages": { type: "string" }, "page-size": { type: "string" } },
});
const channel = values.channel as ChannelCode;
if (!CHANNEL_CODES.includes(channel)) {
  console.error(`--channel must be one of: ${CHANNEL_CODES.join(", ")}`);
  process.exit(2);
}
const r = await pullChannel(channel, {
  maxPages: values["max-pages"] ? Number(values["max-pages"]) : undefined,
  pageSize: values["page-size"] ? Number(values["page-size"]) : undefined,
});
console.log(JSON.stringify(r));
await closePgPool();
await disconnectDb();
process.exit(r.error ? 1 : 0);

// npm run worker — the background worker as its own process (npm start also runs one).
import { startWorker } from "@/lib/jobs/worker";
import { env } from "@/lib/env";

const url = env().DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(2);
}
const w = await startWorker({ connectionString: url });
const stop = async () => {
  await w.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

// npm run db:migrate — applies committed migrations to DATABASE_URL.
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";

const url = env().DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. For the embedded database use `npm start`, which migrates it itself.");
  process.exit(2);
}
migrate(url)
  .then((r) => {
    console.log(r.applied.length ? `Applied: ${r.applied.join(", ")}` : "Database is up to date.");
  })
  .catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });

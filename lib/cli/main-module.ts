import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** True when the module with this import.meta.url is the script node was started with (so a
 * CLI file can also be imported by tests without running). */
export function isMainModule(importMetaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(importMetaUrl));
  } catch {
    return false;
  }
}

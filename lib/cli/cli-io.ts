/** Where a CLI writes its lines; tests pass their own to capture output. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Progress of a long ETL step, printed as it happens so a user sees where a load is. */
export interface Progress {
  step(message: string): void;
  warn(message: string): void;
}

export function consoleProgress(stream: NodeJS.WritableStream = process.stderr): Progress {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s`;
  return {
    step: (message) => stream.write(`[${elapsed()}] ${message}\n`),
    warn: (message) => stream.write(`[${elapsed()}] warning: ${message}\n`),
  };
}

export const silentProgress: Progress = { step: () => undefined, warn: () => undefined };

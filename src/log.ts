/**
 * Namespaced logger writing to stderr, so stdout stays free for data
 * (e.g. `npm run extract -- --out -`). LOG_LEVEL=debug|info|warn|error|silent.
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

function currentLevel(): number {
  const name = (process.env.LOG_LEVEL ?? 'info') as LogLevel;
  return LEVELS[name] ?? LEVELS.info;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger whose lines start with `[namespace]`. */
export function createLogger(namespace: string): Logger {
  const threshold = currentLevel();
  const write = (level: LogLevel, message: string) => {
    if (LEVELS[level] >= threshold) process.stderr.write(`[${namespace}] ${message}\n`);
  };
  return {
    debug: (m) => write('debug', m),
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
  };
}

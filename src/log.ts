/**
 * Structured logs: one JSON line per event on stderr (pino), so stdout stays
 * free for data (e.g. `npm run extract -- --out -`) and a log collector can
 * parse every line. Each line has `level`, `time`, `ns` (the namespace), `msg`
 * and the event's fields. LOG_LEVEL=debug|info|warn|error|silent, read once.
 */
import pino from 'pino';

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

function levelFromEnv(): LogLevel {
  const name = process.env.LOG_LEVEL?.trim().toLowerCase() as LogLevel | undefined;
  return name !== undefined && LEVELS.includes(name) ? name : 'info';
}

let root: pino.Logger | null = null;

/** One pino instance per process, writing synchronously to stderr so that no line is lost at exit. */
function rootLogger(): pino.Logger {
  root ??= pino(
    {
      level: levelFromEnv(),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.destination({ fd: 2, sync: true }),
  );
  return root;
}

/** A logger whose lines carry `ns: namespace`. */
export function createLogger(namespace: string): Logger {
  const logger = rootLogger().child({ ns: namespace });
  const at =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) logger[level](message);
      else logger[level](fields, message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

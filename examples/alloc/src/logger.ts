/** A structured logger: `info order placed id=42 total=19.9 currency=EUR`. */
export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Readonly<Record<string, string | number | boolean>>;

const RANK: Readonly<Record<Level, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * How a line is built. `'lazy'` checks the level first and concatenates the
 * fields into the line; `'eager'` is the regression perfgate's allocation
 * gate catches (`npm run demo` seeds it): it builds an entry object with a
 * timestamp and maps its entries before knowing whether the line is wanted.
 */
export type Formatting = 'lazy' | 'eager';

export interface LoggerOptions {
  readonly level: Level;
  readonly write: (line: string) => void;
  readonly formatting?: Formatting;
}

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
}

/** The fixed line: only the string itself is allocated. */
export function formatLine(level: Level, message: string, fields: Fields): string {
  let line = `${level} ${message}`;
  for (const key in fields) line += ` ${key}=${fields[key]}`;
  return line;
}

/** The regression: a Date, its ISO string, a copy of the fields, an array of pairs, a string per pair. */
export function formatEntry(level: Level, message: string, fields: Fields): string {
  const entry = { time: new Date().toISOString(), level, message, ...fields };
  return Object.entries(entry)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
}

export function createLogger({ level, write, formatting = 'lazy' }: LoggerOptions): Logger {
  const threshold = RANK[level];
  const log = (at: Level, message: string, fields: Fields): void => {
    if (formatting === 'eager') {
      const line = formatEntry(at, message, fields);
      if (RANK[at] >= threshold) write(line);
      return;
    }
    if (RANK[at] >= threshold) write(formatLine(at, message, fields));
  };
  return {
    debug: (message, fields = {}) => log('debug', message, fields),
    info: (message, fields = {}) => log('info', message, fields),
  };
}

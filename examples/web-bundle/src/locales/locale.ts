export interface Locale {
  readonly code: string;
  readonly months: readonly string[];
  readonly days: readonly string[];
  readonly relative: readonly string[];
}

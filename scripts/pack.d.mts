/** Workspace folder → published package name. */
export declare const PUBLISHED: Readonly<Record<string, string>>;
export declare const PACKS_DIR: string;
/** `@perfgate/vitest` → `perfgate-vitest.tgz`. */
export declare function tarballName(name: string): string;
export declare function pack(options?: { build?: boolean }): void;

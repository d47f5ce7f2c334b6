// Types of bin/freshness.mjs (plain JavaScript: it runs before anything is compiled).
export declare const root: string;
export declare function newest(path: string): number;
export declare const BUILDS: Record<'web' | 'server', { output: string; inputs: string[] }>;
export declare function fresh(build: 'web' | 'server'): boolean;

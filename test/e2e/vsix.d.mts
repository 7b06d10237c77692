export declare function readVsix(file: string): { name: string; size: number; read: () => Buffer }[];
export declare function developmentBundles(file: string): string[];
export declare function targetPlatform(file: string): string | undefined;
export declare function nativeBinaries(file: string): { tag: string; name: string; size: number }[];
export declare const VSIX_LIMIT_BYTES: number;

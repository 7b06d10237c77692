export declare function readVsix(file: string): { name: string; size: number; read: () => Buffer }[];
export declare function developmentBundles(file: string): string[];

export declare function bundleSuite(outFile: string): Promise<string>;

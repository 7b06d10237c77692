export declare const REPO_ROOT: string;
export declare const E2E_DIR: string;
export declare const NODE_MAJOR: number;
export declare const CODE_SERVER_VERSION: string;
export declare const PLAYWRIGHT_RANGE: string;
export declare const CHROMIUM: string;
export declare function toolPaths(): {
  nodePkg: string;
  nodeBin: string;
  codeServerPkg: string;
  codeServerEntry: string;
  codeServerOk: string;
  playwrightPkg: string;
};

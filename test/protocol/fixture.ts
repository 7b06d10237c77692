import { ensureServerBuilt, LspClient, TempWorkspace } from './lspClient';

export interface ServerFixture {
  /** Fresh copy of examples/ for the current test. */
  readonly ws: TempWorkspace;
  /** Server started on `ws` for the current test. */
  readonly client: LspClient;
}

export interface FixtureOptions {
  /** Changes the copied workspace before the server starts. */
  setup?: (ws: TempWorkspace) => void;
  initializationOptions?: unknown;
}

/**
 * Registers hooks that give every test in the suite its own copy of examples/
 * and its own server, both torn down after the test whatever its outcome.
 */
export function useServer(options: FixtureOptions = {}): ServerFixture {
  let ws: TempWorkspace | undefined;
  let client: LspClient | undefined;

  before(function () {
    this.timeout(60_000);
    ensureServerBuilt();
  });

  beforeEach(async function () {
    ws = new TempWorkspace();
    options.setup?.(ws);
    client = await LspClient.start({ root: ws.root, initializationOptions: options.initializationOptions });
  });

  afterEach(async function () {
    try {
      await client?.stop();
    } finally {
      client = undefined;
      ws?.dispose();
      ws = undefined;
    }
  });

  return {
    get ws(): TempWorkspace {
      if (!ws) throw new Error('no workspace outside a test');
      return ws;
    },
    get client(): LspClient {
      if (!client) throw new Error('no server outside a test');
      return client;
    },
  };
}

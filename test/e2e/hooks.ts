/**
 * Root hooks for the e2e suite (test/e2e/.mocharc.json `require`s this file):
 * one code-server + Chromium session for the whole run, always torn down.
 */
import type { Context } from 'mocha';
import { startSession, stopSession } from './helpers/session';

export const mochaHooks = {
  async beforeAll(this: Context) {
    this.timeout(180_000);
    await startSession();
  },
  async afterAll(this: Context) {
    this.timeout(60_000);
    await stopSession();
  },
};

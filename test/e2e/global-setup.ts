/**
 * Vitest globalSetup for the end-to-end tests: build the site once (when stale) and serve it
 * with one `vite preview` for all test files; each file launches its own Chromium.
 */
import type { TestProject } from 'vitest/node';
import { ensureBuilt, startPreview, type PreviewServer } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    origin: string;
  }
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  ensureBuilt();
  server = await startPreview();
  project.provide('baseUrl', server.url);
  project.provide('origin', server.origin);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

import { resolve } from 'node:path';
import type { ResolvedConfig } from 'vite';

/** The project root and the build folder as Vite resolves them; a plugin passes `configResolved` on. */
export interface BuildPaths {
  root: string;
  outDir: string;
  configResolved(config: ResolvedConfig): void;
}

export function buildPaths(): BuildPaths {
  const paths: BuildPaths = {
    root: process.cwd(),
    outDir: 'dist',
    configResolved(config) {
      paths.root = config.root;
      paths.outDir = resolve(config.root, config.build.outDir);
    },
  };
  return paths;
}

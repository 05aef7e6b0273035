/** Node side of the published reference files: read data/published/*.csv and parse them typed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISHED_FILES, parsePublishedSet, type PublishedFile, type PublishedSet } from '../../src/lib/published/reference.ts';

export const PUBLISHED_DIR = join(import.meta.dirname, '..', '..', 'data', 'published');

export function loadPublished(dir = PUBLISHED_DIR): PublishedSet {
  const teksten = Object.fromEntries(
    PUBLISHED_FILES.map((f) => [f, readFileSync(join(dir, `${f}.csv`), 'utf8')]),
  ) as Record<PublishedFile, string>;
  return parsePublishedSet(teksten);
}

import type { ExtraCheck } from './check.ts';

/** Checks on entry bodies (links, images, MDX syntax); each pushes problems onto the context. */
export const extraChecks: ExtraCheck[] = [];

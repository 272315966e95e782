import { z } from 'astro/zod';
import { dateInput, slugId, sourceRef, text } from './common.ts';

/** A link from a milestone to an exhibit entry. */
export const entryLink = z.strictObject({
  /** Case file name. */
  case: text.optional(),
  /** Hall file name. */
  hall: text.optional(),
  /** Route file name. */
  route: text.optional(),
});

/** A dated milestone in `content/timeline.yaml`. */
export const milestoneSchema = z.strictObject({
  /** Identifier of the milestone. */
  id: slugId,
  /** Date at the precision the source gives. */
  date: dateInput,
  /** Words that refine an imprecise date, e.g. 年初. */
  dateNote: text.optional(),
  /** The source's own words when it dates the event relative to itself (今年8月, 去年), so `date` was worked out. */
  dateFrom: text.optional(),
  /** What happened, as a headline. */
  title: text,
  /** One or two sentences. */
  text: text.optional(),
  /** Themes for filtering, e.g. 机关党建. */
  themes: z.array(text).default([]),
  /** Where this is recorded. */
  source: sourceRef,
  /** The exhibit entry this milestone belongs to. */
  link: entryLink.optional(),
  /** Quoted at the entrance of the home page as the exhibition's starting point. */
  preface: z.boolean({ error: '应为 true 或 false' }).default(false),
});

export type Milestone = z.infer<typeof milestoneSchema>;

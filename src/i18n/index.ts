import { fill } from './fill.ts';
import dictionary from './zh-CN.json' with { type: 'json' };

/** A key of the interface dictionary. */
export type UiKey = keyof typeof dictionary;

/** Looks up an interface string and fills `{name}` placeholders. */
export function t(key: UiKey, vars: Record<string, string | number> = {}): string {
  return fill(dictionary[key], vars);
}

/**
 * The search page's state lives in its URL, so reloading or sharing a link keeps it:
 * `/search/?q=双拥&type=案例&unit=市委市直机关工委&tag=双拥&tag=党建%2B双拥`.
 */
import { FACETS, type FacetKey } from './manifest.ts';
import type { Filters } from './engine.ts';

export interface SearchState {
  q: string;
  filters: Filters;
}

/** Reads the state from a query string. */
export function readState(params: URLSearchParams): SearchState {
  const filters: Filters = {};
  for (const key of FACETS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length > 0) filters[key] = [...new Set(values)];
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** Writes the state as a query string (without `?`), facets in their display order. */
export function writeState({ q, filters }: SearchState): string {
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q.trim());
  for (const key of FACETS) for (const v of filters[key] ?? []) params.append(key, v);
  return params.toString();
}

/** The state with one facet value switched on or off. */
export function toggle(state: SearchState, key: FacetKey, value: string): SearchState {
  const current = state.filters[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters, [key]: next };
  if (next.length === 0) delete filters[key];
  return { q: state.q, filters };
}

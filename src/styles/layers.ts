/**
 * The order of the CSS cascade layers, declared once at the top of every page's <head>.
 *
 * Astro puts page styles ahead of shared ones, and the first stylesheet that names a layer fixes
 * its rank, so the order must be declared before any stylesheet. It is an inline <style> (hashed
 * for the Content-Security-Policy in src/security.ts), not a file: when a linked file failed to
 * load, `components` ranked below `base` and the header's text took the red of plain links, on
 * the header's red (the gates' walk caught it on a busy machine).
 */
export const LAYER_ORDER = '@layer reset, tokens, base, layout, components, utilities, modes;';

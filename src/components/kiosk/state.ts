/**
 * Kiosk state in the browser, shared by the kiosk elements: which keys hold configuration (kept
 * across resets) and which hold a visitor's traces (wiped at every reset).
 */

/** localStorage: "1" while the browser is a kiosk (set by /kiosk/, read by ModeBoot before paint). */
export const KIOSK_KEY = 'zg-kiosk';
/** sessionStorage: idle time in seconds from `/kiosk/?idle=<seconds>`; survives navigation and resets. */
export const IDLE_KEY = 'zg-kiosk-idle';
/** sessionStorage: "1" while a visitor is browsing; without it /kiosk/ shows the attract loop. */
export const VISIT_KEY = 'zg-kiosk-visit';
/** sessionStorage: the pages of this visit, for the kiosk's own back button. */
export const TRAIL_KEY = 'zg-kiosk-trail';

/** Idle time before the countdown when `?idle` is not given. */
export const DEFAULT_IDLE_SECONDS = 90;

/** Storage keys that are kiosk configuration, not traces of a visitor. */
const keep = { local: [KIOSK_KEY], session: [IDLE_KEY] };

/** True when the page is shown in kiosk presentation. */
export const isKiosk = (): boolean => 'kiosk' in document.documentElement.dataset;

/** Seconds without input before the countdown starts. */
export function idleSeconds(): number {
  try {
    const stored = Number(sessionStorage.getItem(IDLE_KEY));
    if (Number.isFinite(stored) && stored >= 1) return stored;
  } catch {
    /* Storage blocked: use the default. */
  }
  return DEFAULT_IDLE_SECONDS;
}

/** Length of the visible countdown: a third of the idle time, from 3 s up to 10 s. */
export const countdownSeconds = (idle: number): number => Math.min(10, Math.max(3, Math.round(idle / 3)));

function wipe(storage: Storage, kept: string[]): void {
  const saved = kept.map((key) => [key, storage.getItem(key)] as const);
  storage.clear();
  for (const [key, value] of saved) if (value !== null) storage.setItem(key, value);
}

/**
 * Removes every trace a visitor can leave in storage (search query and filters, elder mode, the
 * 无障碍 settings zg-a11y: text size, contrast, cursor, guide lines, 语速, 点读; the visit trail),
 * keeping only the kiosk's own configuration.
 */
export function wipeTraces(): void {
  try {
    wipe(localStorage, keep.local);
    wipe(sessionStorage, keep.session);
  } catch {
    /* Storage blocked: nothing was stored either. */
  }
}

/** Reads the visit trail (oldest first). */
export function readTrail(): string[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(TRAIL_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Stores the visit trail, keeping the last 50 pages. */
export function writeTrail(trail: string[]): void {
  try {
    sessionStorage.setItem(TRAIL_KEY, JSON.stringify(trail.slice(-50)));
  } catch {
    /* Storage blocked: the back button falls back to the start screen. */
  }
}

/** Starts a visit (the attract loop was touched) and tells the idle timer to run. */
export function startVisit(): void {
  try {
    sessionStorage.setItem(VISIT_KEY, '1');
  } catch {
    /* Storage blocked: the visit still starts, it just is not remembered across pages. */
  }
  document.dispatchEvent(new CustomEvent('zg-kiosk-visit'));
}

/**
 * What the kiosk's idle reset keeps and what it wipes, and how long its countdown lasts.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  IDLE_KEY,
  KIOSK_KEY,
  TRAIL_KEY,
  VISIT_KEY,
  countdownSeconds,
  idleSeconds,
  readTrail,
  wipeTraces,
  writeTrail,
} from '../../src/components/kiosk/state.ts';

/** A Storage like the browser's, over a Map. */
class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, String(value));
  }
}

beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('sessionStorage', new MemoryStorage());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('wipeTraces', () => {
  test('removes everything a visitor left (无障碍 settings too), keeps the kiosk setting and the idle time', () => {
    localStorage.setItem(KIOSK_KEY, '1');
    localStorage.setItem('zg-elder', '1');
    localStorage.setItem('zg-a11y', '{"scale":200,"contrast":true,"cursor":true,"guides":true,"rate":"slow"}');
    localStorage.setItem('zg-search-recent', '["坊巷"]');
    sessionStorage.setItem(IDLE_KEY, '30');
    sessionStorage.setItem(VISIT_KEY, '1');
    sessionStorage.setItem(TRAIL_KEY, '["/cases/"]');
    sessionStorage.setItem('zg-search', 'q=fxjxs&type=案例');
    wipeTraces();
    expect(localStorage.getItem('zg-a11y')).toBeNull();
    expect(localStorage.getItem(KIOSK_KEY)).toBe('1');
    expect(localStorage.length).toBe(1);
    expect(sessionStorage.getItem(IDLE_KEY)).toBe('30');
    expect(sessionStorage.length).toBe(1);
  });

  test('keeps nothing that was never set', () => {
    localStorage.setItem('zg-elder', '1');
    wipeTraces();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });
});

describe('idle time', () => {
  test('is 90 seconds unless /kiosk/?idle= stored another', () => {
    expect(idleSeconds()).toBe(90);
    sessionStorage.setItem(IDLE_KEY, '3');
    expect(idleSeconds()).toBe(3);
    sessionStorage.setItem(IDLE_KEY, 'soon');
    expect(idleSeconds()).toBe(90);
  });

  test('the countdown lasts 10 s after 90 s, never less than 3 s', () => {
    expect(countdownSeconds(90)).toBe(10);
    expect(countdownSeconds(3)).toBe(3);
    expect(countdownSeconds(1)).toBe(3);
    expect(countdownSeconds(15)).toBe(5);
  });
});

describe('visit trail', () => {
  test('keeps the last 50 pages and survives a broken entry', () => {
    writeTrail(Array.from({ length: 60 }, (_, i) => `/p/${i}/`));
    const trail = readTrail();
    expect(trail).toHaveLength(50);
    expect(trail[0]).toBe('/p/10/');
    sessionStorage.setItem(TRAIL_KEY, '{not json');
    expect(readTrail()).toEqual([]);
  });
});

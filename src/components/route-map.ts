/**
 * Geometry of the schematic route diagram (RouteMap.astro): stops spaced evenly along a gently
 * winding river, in a wide layout for desktop and a tall one for phones. Pure functions, so the
 * diagram is drawn at build time with no map tiles and no network.
 */

export interface Point {
  x: number;
  y: number;
}

export interface RouteLayout {
  width: number;
  height: number;
  /** Centre of each stop, in travel order. */
  stops: Point[];
  /** The touch area of each stop: its marker and its name. */
  hits: { x: number; y: number; width: number; height: number }[];
  /** Where each stop's name goes, and how it is anchored. */
  labels: (Point & { anchor: 'start' | 'middle' | 'end' })[];
  /** The river band, a smooth path through (and beyond) the stops. */
  river: string;
  /** The route line, a smooth path through the stops. */
  route: string;
  /** Where the historic route's dashed line ends, and where its label goes. */
  historic: { path: string; label: Point & { anchor: 'start' | 'middle' | 'end' } };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A smooth cubic path through the points (Catmull-Rom converted to Bézier). */
export function smoothPath(points: Point[]): string {
  const [first] = points;
  if (!first) return '';
  let d = `M${round(first.x)} ${round(first.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[i + 2] ?? p2;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C${round(c1.x)} ${round(c1.y)} ${round(c2.x)} ${round(c2.y)} ${round(p2.x)} ${round(p2.y)}`;
  }
  return d;
}

/** Wide layout: the river runs left to right; names alternate above and below the line. */
export function wideLayout(count: number): RouteLayout {
  const width = 1200;
  const height = 430;
  const left = 110;
  const right = 110;
  const mid = 270;
  const wave = (x: number) => mid + 46 * Math.sin(((x - left) / (width - left - right)) * Math.PI * 2.2);
  const step = (width - left - right) / Math.max(count - 1, 1);
  const stops = Array.from({ length: count }, (_, i) => ({ x: left + i * step, y: wave(left + i * step) }));
  const labels = stops.map((p, i) => ({
    x: p.x,
    y: i % 2 === 1 ? p.y - 40 : p.y + 56,
    anchor: 'middle' as const,
  }));
  const hits = stops.map((p, i) => {
    const top = Math.min(p.y - 32, labels[i]!.y - 24);
    const bottom = Math.max(p.y + 32, labels[i]!.y + 8);
    return { x: p.x - step / 2 + 4, y: top, width: step - 8, height: bottom - top };
  });
  const riverPoints = [{ x: 0, y: wave(0) }, ...stops, { x: width, y: wave(width) }];
  const start = stops[0] ?? { x: left, y: mid };
  return {
    width,
    height,
    stops,
    hits,
    labels,
    river: smoothPath(riverPoints),
    route: smoothPath(stops),
    historic: {
      path: smoothPath([start, { x: start.x - 34, y: start.y - 90 }, { x: start.x - 16, y: 124 }]),
      label: { x: start.x - 24, y: 56, anchor: 'start' },
    },
  };
}

/** Tall layout for phones: the river runs top to bottom; names sit to the right of the line. */
export function tallLayout(count: number): RouteLayout {
  const width = 390;
  const top = 190;
  const step = 104;
  const height = top + (count - 1) * step + 70;
  const mid = 78;
  const wave = (y: number) => mid + 22 * Math.sin(((y - top) / Math.max((count - 1) * step, 1)) * Math.PI * 2.2);
  const stops = Array.from({ length: count }, (_, i) => ({ x: wave(top + i * step), y: top + i * step }));
  const labels = stops.map((p) => ({ x: 150, y: p.y + 7, anchor: 'start' as const }));
  const hits = stops.map((p) => ({ x: p.x - 34, y: p.y - step / 2 + 4, width: width - p.x + 26, height: step - 8 }));
  const riverPoints = [{ x: wave(0), y: 0 }, ...stops, { x: wave(height), y: height }];
  const start = stops[0] ?? { x: mid, y: top };
  return {
    width,
    height,
    stops,
    hits,
    labels,
    river: smoothPath(riverPoints),
    route: smoothPath(stops),
    historic: {
      path: smoothPath([start, { x: start.x + 34, y: start.y - 62 }, { x: 136, y: 44 }]),
      label: { x: 150, y: 38, anchor: 'start' },
    },
  };
}

/**
 * Splits text into lines of at most `size` characters, breaking after punctuation or a space
 * where it can, and never inside a number or a Latin word.
 */
export function wrapText(text: string, size: number): string[] {
  const chars = [...text];
  const latin = (c: string | undefined) => c !== undefined && /[A-Za-z0-9.]/.test(c);
  const lines: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let end = Math.min(i + size, chars.length);
    if (end < chars.length) {
      const slice = chars.slice(i, end);
      const cut = Math.max(...['，', '、', '：', '（', '；', ' '].map((p) => slice.lastIndexOf(p)));
      if (cut >= size / 3) end = i + cut + (slice[cut] === '（' ? 0 : 1);
      else {
        let back = end;
        while (back > i && latin(chars[back - 1]) && latin(chars[back])) back--;
        if (back > i) end = back;
      }
    }
    lines.push(chars.slice(i, end).join('').trimEnd());
    i = end;
  }
  return lines;
}

// A small line chart as inline SVG: no script, no network, prints as is.

export interface Series {
  name: string;
  points: ReadonlyArray<readonly [number, number]>;
}

/** A shaded stretch of the x axis with its label: the drain, say. */
export interface Band {
  from: number;
  to: number;
  label: string;
  /** Shown on hover: what the stretch is. */
  title: string;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Labelled x positions; evenly spaced numbers when absent. */
  xTicks?: Array<{ value: number; label: string }>;
  bands?: Band[];
}

export const WIDTH = 720;
export const HEIGHT = 300;
export const FONT_SIZE = 11;
/** Room for tick labels as long as "100,000" left of the plot and half of "99.999%" right of it. */
const MARGIN = { left: 84, right: 36, top: 32, bottom: 44 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];
/** A generous width of one character of sans-serif text, in ems. */
export const CHARACTER_EMS = 0.62;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Round tick values covering [0, max]. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((candidate) => candidate >= raw)!;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Round values (multiples of a nice step) inside [min, max]. */
function evenTicks(min: number, max: number): number[] {
  const [, step] = niceTicks(max - min, 8);
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

const label = (value: number) => (Math.abs(value) >= 1000 ? value.toLocaleString('en-US') : String(Number(value.toPrecision(4))));
const textWidth = (text: string) => text.length * CHARACTER_EMS * FONT_SIZE;

export function lineChart(spec: ChartSpec): string {
  const all = spec.series.flatMap((series) => series.points);
  const xs = all.map(([x]) => x).concat(spec.xTicks?.map((tick) => tick.value) ?? [], spec.bands?.flatMap((band) => [band.from, band.to]) ?? []);
  const xMin = xs.length ? Math.min(...xs) : 0;
  const xMax = xs.length ? Math.max(...xs, xMin + 1e-9) : 1;
  const yTicks = niceTicks(all.length ? Math.max(...all.map(([, y]) => y)) : 1);
  const yMax = yTicks[yTicks.length - 1];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x: number) => MARGIN.left + ((x - xMin) / (xMax - xMin || 1)) * plotWidth;
  const py = (y: number) => MARGIN.top + plotHeight - (y / yMax) * plotHeight;
  const xTicks = spec.xTicks ?? evenTicks(xMin, xMax).map((value) => ({ value, label: label(value) }));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="${FONT_SIZE}">`,
    `<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-size="14">${escapeXml(spec.title)}</text>`,
    ...(spec.bands ?? []).map((band) => bandOf(band, px(band.from), px(band.to))),
    ...yTicks.map((y) => `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/><text x="${MARGIN.left - 6}" y="${py(y) + 4}" text-anchor="end">${label(y)}</text>`),
    ...xTicks.map((tick) => `<line x1="${px(tick.value)}" x2="${px(tick.value)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#eee"/><text x="${px(tick.value)}" y="${MARGIN.top + plotHeight + 16}" text-anchor="middle">${escapeXml(tick.label)}</text>`),
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 6}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`,
  ];
  spec.series.forEach((series, i) => {
    const color = COLORS[i % COLORS.length];
    const path = series.points.map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    if (path) parts.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2"/>`);
    if (series.points.length <= 40) {
      parts.push(...series.points.map(([x, y]) => `<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="2.5" fill="${color}"/>`));
    }
  });
  parts.push(legend(spec.series.map((series) => series.name)), '</svg>');
  return parts.join('\n');
}

/** The band shaded over the plot's height, its label at its top, inside the plot. */
function bandOf(band: Band, left: number, right: number): string {
  const fitsInside = left + 3 + textWidth(band.label) <= WIDTH - MARGIN.right;
  const text = fitsInside
    ? `<text x="${(left + 3).toFixed(1)}" y="${MARGIN.top + 12}" fill="#666">${escapeXml(band.label)}</text>`
    : `<text x="${(right - 3).toFixed(1)}" y="${MARGIN.top + 12}" text-anchor="end" fill="#666">${escapeXml(band.label)}</text>`;
  return `<g class="band"><title>${escapeXml(band.title)}</title><rect x="${left.toFixed(1)}" y="${MARGIN.top}" width="${(right - left).toFixed(1)}" height="${HEIGHT - MARGIN.top - MARGIN.bottom}" fill="#000" fill-opacity="0.07"/>${text}</g>`;
}

/** The series' names on a white box at the plot's top left, below any band label, over the lines. */
function legend(names: string[]): string {
  if (names.length === 0) return '';
  const top = MARGIN.top + 18;
  const width = Math.min(WIDTH - MARGIN.left - MARGIN.right - 8, Math.max(...names.map(textWidth)) + 12);
  const rows = names.map((name, i) =>
    `<text x="${MARGIN.left + 10}" y="${top + 13 + i * 14}" fill="${COLORS[i % COLORS.length]}">${escapeXml(name)}</text>`);
  return [`<rect x="${MARGIN.left + 4}" y="${top}" width="${width.toFixed(1)}" height="${names.length * 14 + 6}" fill="#fff" fill-opacity="0.85"/>`, ...rows].join('\n');
}

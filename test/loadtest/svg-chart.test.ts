// loadtest/svg-chart.ts: every label of a chart stays inside its picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHARACTER_EMS, FONT_SIZE, HEIGHT, WIDTH, lineChart } from '../../loadtest/svg-chart.js';

interface PlacedText { x: number; y: number; anchor: string; size: number; text: string }

function texts(svg: string): PlacedText[] {
  return [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"([^>]*)>([^<]*)<\/text>/g)].map(([, x, y, attributes, text]) => ({
    x: Number(x),
    y: Number(y),
    anchor: /text-anchor="(\w+)"/.exec(attributes)?.[1] ?? 'start',
    size: Number(/font-size="(\d+)"/.exec(attributes)?.[1] ?? FONT_SIZE),
    text: text.replace(/&#\d+;/g, 'x'),
  }));
}

test('tick, axis, legend and band labels lie inside the chart, long ones too', () => {
  const svg = lineChart({
    title: 'deliveries per second',
    xLabel: 'seconds since the measured phase began',
    yLabel: 'messages/s',
    series: [
      { name: 'delivered by the load generator workers', points: [[-3.2, 0], [0, 123_456], [57.5, 98_765], [60.3, 4]] },
      { name: 'comm server 123456', points: [[0, 5], [60.3, 6]] },
    ],
    bands: [{ from: 58.1, to: 60.3, label: 'drain', title: 'drain' }],
    xTicks: [{ value: -3.2, label: '-3.2' }, { value: 60.3, label: '99.999%' }],
  });
  const placed = texts(svg);
  assert.ok(placed.length >= 12, `${placed.length} labels found`);
  for (const { x, y, anchor, size, text } of placed) {
    const width = text.length * CHARACTER_EMS * size;
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    assert.ok(left >= 0 && left + width <= WIDTH, `"${text}" spans x ${left.toFixed(0)} to ${(left + width).toFixed(0)} of ${WIDTH}`);
    assert.ok(y - size >= 0 && y <= HEIGHT, `"${text}" at y ${y} of ${HEIGHT}`);
  }
  // The rotated y-axis label: its line of text is centred 16 px from the left edge.
  const rotated = /<text transform="translate\(([\d.]+) ([\d.]+)\) rotate\(-90\)" text-anchor="middle">([^<]*)</.exec(svg);
  assert.ok(rotated);
  assert.ok(Number(rotated[1]) - FONT_SIZE >= 0);
  const halfLength = (rotated[3].length * CHARACTER_EMS * FONT_SIZE) / 2;
  assert.ok(Number(rotated[2]) - halfLength >= 0 && Number(rotated[2]) + halfLength <= HEIGHT);
  // The y axis' largest tick, right-aligned left of the plot, is not drawn over by the y-axis label.
  const tick = placed.find((label) => label.text === '125,000');
  assert.ok(tick, placed.map((label) => label.text).join(' | '));
  assert.ok(tick.x - tick.text.length * CHARACTER_EMS * FONT_SIZE > Number(rotated[1]) + FONT_SIZE / 2);
});

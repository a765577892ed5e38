// loadtest/result.ts verdicts and the reports, from a synthetic result.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtmlReport } from '../../loadtest/report-html.js';
import { resultTable, summaryMarkdown } from '../../loadtest/report-table.js';
import { judgeBottleneck } from '../../loadtest/result.js';
import { generatorOf, syntheticResult, worker } from './synthetic-result.js';

const svgCharts = (html: string) => html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];

const idleHost = { cores: 2, busyCores: 0.5, otherCores: 0 };

describe('bottleneck', () => {
  test('a saturated generator worker is named first', () => {
    const verdict = judgeBottleneck([{ pid: 3, cpuCores: 0.95, rssBytes: 1 }], generatorOf(worker(0.9)), idleHost);
    assert.equal(verdict.bottleneck, 'generator');
    assert.equal(verdict.notes.length, 2);
  });

  test('then a saturated server, then a full host', () => {
    assert.equal(judgeBottleneck([{ pid: 3, cpuCores: 0.9, rssBytes: 1 }], generatorOf(worker(0.3)), idleHost).bottleneck, 'server');
    const crowded = judgeBottleneck([{ pid: 3, cpuCores: 0.5, rssBytes: 1 }], generatorOf(worker(0.3)), { cores: 2, busyCores: 1.95, otherCores: 1.1 });
    assert.equal(crowded.bottleneck, 'machine');
    assert.ok(crowded.notes.some((note) => note.includes('other processes')));
    assert.equal(judgeBottleneck([{ pid: 3, cpuCores: 0.5, rssBytes: 1 }], generatorOf(worker(0.3, 80)), idleHost).bottleneck, 'none');
  });
});

describe('reports', () => {
  test('the table states loss, duplicates, latency and server figures', () => {
    const table = resultTable(syntheticResult());
    assert.match(table, /lost\s+4 \(1\.67%\)/);
    assert.match(table, /duplicated\s+1/);
    assert.match(table, /p99 9\.00/);
    assert.match(table, /comm server 1\s+0\.10 cores, 64\.0 MiB RSS/);
    assert.match(summaryMarkdown([{ name: 'dense-4', result: syntheticResult() }]), /^\| dense-4 \| 4 \| 1 \| 118 \| 1\.67% /m);
  });

  test('the HTML report is self-contained, escaped, with its charts inline', () => {
    const html = renderHtmlReport(syntheticResult());
    assert.equal((html.match(/<svg /g) ?? []).length, 6);
    assert.doesNotMatch(html, /<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.ok(html.includes('a &#60;note&#62; &#38; more'));
  });

  test('the HTML summary is a table of the figures, a missed threshold marked', () => {
    const html = renderHtmlReport({
      ...syntheticResult(),
      thresholds: [{ flag: 'max-p99-ms', limit: 5, figure: 'latency p99', value: '9.00 ms', met: false }],
    });
    assert.match(html, /<table class="summary">/);
    assert.match(html, /<tr><th>lost<\/th><td>4 \(1\.67%\)<\/td><\/tr>/);
    assert.match(html, /<tr class="missed"><th>threshold MISSED<\/th><td>--max-p99-ms 5: latency p99 9\.00 ms<\/td><\/tr>/);
    assert.doesNotMatch(html, /<pre>/);
  });

  test('the HTML report charts server RSS and p50/p99 latency over time', () => {
    const charts = svgCharts(renderHtmlReport(syntheticResult()));
    const rss = charts.find((svg) => svg.includes('>comm server memory (RSS)<'));
    assert.ok(rss, 'an RSS chart');
    assert.match(rss, />MiB</);
    assert.match(rss, />comm server 3</);
    // 48 to 64 MiB: a y axis in MiB up to 80, and a line through the five samples.
    assert.match(rss, /text-anchor="end">80</);
    assert.equal((rss.match(/<circle /g) ?? []).length, 5);
    const latency = charts.find((svg) => svg.includes('>latency over time (deliveries of each second)<'));
    assert.ok(latency, 'a latency-over-time chart');
    assert.match(latency, />p50</);
    assert.match(latency, />p99</);
    assert.equal((latency.match(/<circle /g) ?? []).length, 6, 'three seconds, two percentiles');
  });

  test('the drain after publishing stopped is shaded and labelled on every time chart', () => {
    // Measured 2 s, drained 1 s: the band spans x 2 to 3.
    const charts = svgCharts(renderHtmlReport(syntheticResult()));
    const timeCharts = charts.filter((svg) => svg.includes('>seconds since the measured phase began<'));
    assert.equal(timeCharts.length, 4);
    for (const svg of timeCharts) {
      const band = /<g class="band"><title>drain: publishing had stopped; late deliveries only<\/title><rect x="([\d.]+)" y="\d+" width="([\d.]+)"[^>]*\/><text[^>]*>drain<\/text><\/g>/.exec(svg);
      assert.ok(band, svg);
      assert.ok(Number(band[2]) > 0);
    }
    const deliveries = timeCharts.find((svg) => svg.includes('>deliveries per second<'))!;
    assert.ok(deliveries.indexOf('class="band"') < deliveries.indexOf('<path '), 'shaded under the line');
    const noDrain = svgCharts(renderHtmlReport({ ...syntheticResult(), drainSeconds: 0 }));
    assert.ok(noDrain.every((svg) => !svg.includes('class="band"')));
  });
});

// loadtest/result.ts verdicts and the reports, from a synthetic result.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtmlReport } from '../../loadtest/report-html.js';
import { resultTable, summaryMarkdown } from '../../loadtest/report-table.js';
import { judgeBottleneck } from '../../loadtest/result.js';
import { generatorOf, syntheticResult, worker } from './synthetic-result.js';

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
    assert.equal((html.match(/<svg /g) ?? []).length, 4);
    assert.doesNotMatch(html, /<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.ok(html.includes('a &#60;note&#62; &#38; more'));
  });
});

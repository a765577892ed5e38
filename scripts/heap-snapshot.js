// What a V8 heap snapshot (.heapsnapshot, e.g. from node --heapsnapshot-signal)
// holds, by constructor name, and what grew between two snapshots per client.
//
//   node scripts/heap-snapshot.js summary A.heapsnapshot [--top 40]
//       count, self size and retained size of each constructor (retained:
//       summed over the instances no other instance of the same name
//       dominates, as DevTools shows a constructor group)
//   node scripts/heap-snapshot.js diff A.heapsnapshot B.heapsnapshot --clients 100,500 [--top 40]
//       the difference B - A per constructor, divided by the difference in
//       connected clients: bytes and instances each client adds
//   node scripts/heap-snapshot.js owners A.heapsnapshot NAME [--top 40]
//       where the instances of NAME are: count and self bytes grouped by the
//       nearest object dominating each that has a constructor of its own
//       (not Object, Array, a closure, a context or an internal array)
//   --by owner (summary, diff): every object counted under its nearest owner
//       as `owners` finds it (itself if it has a constructor of its own), so
//       the rows add up to the heap without counting anything twice
//   --within NAME (summary, diff): only objects dominated by an instance of
//       NAME (e.g. RTCPeerConnection, Peer): what such an object holds alone
//
// Names are V8's: the constructor for objects, "(closure) f" for functions,
// "(array)", "(string)", "(code)"... for the other node types; a "system /
// Context" is a closure's captured scope.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '40' }, by: { type: 'string', default: 'name' }, clients: { type: 'string' }, within: { type: 'string' } },
});
const [command, ...files] = positionals;
const top = Number(options.top);

/** The nodes of a snapshot as typed arrays, their edges, and each node's immediate dominator. */
function loadSnapshot(file) {
  const { snapshot: { meta }, nodes, edges, strings } = JSON.parse(readFileSync(file, 'utf8'));
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const field = (name) => meta.node_fields.indexOf(name);
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map(field);
  const edgeTypeAt = meta.edge_fields.indexOf('type');
  const edgeToAt = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[typeAt];
  const edgeTypes = meta.edge_types[edgeTypeAt];
  const weakEdge = edgeTypes.indexOf('weak');
  const shortcutEdge = edgeTypes.indexOf('shortcut');
  const count = nodes.length / nodeWidth;

  const names = new Array(count);
  const selfSize = new Float64Array(count);
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, edge = 0; i < count; i++) {
    const base = i * nodeWidth;
    const type = nodeTypes[nodes[base + typeAt]];
    const name = strings[nodes[base + nameAt]];
    names[i] = nodeName(type, name);
    selfSize[i] = nodes[base + sizeAt];
    firstEdge[i] = edge;
    edge += nodes[base + edgeCountAt] * edgeWidth;
    firstEdge[i + 1] = edge;
  }
  const successors = (i, visit) => {
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += edgeWidth) {
      const type = edges[e + edgeTypeAt];
      if (type === weakEdge || type === shortcutEdge) continue;
      visit(edges[e + edgeToAt] / nodeWidth);
    }
  };
  const dominator = dominators(count, successors);
  return { count, names, selfSize, dominator };
}

function nodeName(type, name) {
  if (type === 'object' || type === 'native') return name;
  if (type === 'closure') return `(closure) ${name || '(anonymous)'}`;
  if (type === 'hidden' || type === 'object shape') return `system / ${name.replace(/^system \/ /, '')}`;
  return `(${type})`;
}

/**
 * Immediate dominators from node 0 (the snapshot root), by Cooper, Harvey and
 * Kennedy's iterative algorithm over a reverse post-order; unreachable nodes
 * get -1.
 */
function dominators(count, successors) {
  const order = new Int32Array(count).fill(-1); // post-order number
  const postOrder = [];
  const stack = [0];
  const expanded = new Uint8Array(count);
  order[0] = -2;
  while (stack.length) {
    const node = stack[stack.length - 1];
    if (!expanded[node]) {
      expanded[node] = 1;
      successors(node, (next) => {
        if (order[next] === -1) {
          order[next] = -2;
          stack.push(next);
        }
      });
    } else {
      stack.pop();
      order[node] = postOrder.length;
      postOrder.push(node);
    }
  }
  const predecessors = Array.from({ length: count }, () => []);
  for (const node of postOrder) successors(node, (next) => predecessors[next].push(node));
  const dominator = new Int32Array(count).fill(-1);
  dominator[0] = 0;
  const intersect = (a, b) => {
    while (a !== b) {
      while (order[a] < order[b]) a = dominator[a];
      while (order[b] < order[a]) b = dominator[b];
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let k = postOrder.length - 2; k >= 0; k--) {
      const node = postOrder[k];
      let best = -1;
      for (const pred of predecessors[node]) {
        if (dominator[pred] === -1) continue;
        best = best === -1 ? pred : intersect(pred, best);
      }
      if (best !== dominator[node]) {
        dominator[node] = best;
        changed = true;
      }
    }
  }
  dominator[0] = -1;
  return { dominator, postOrder };
}

/** Per name: instances, self bytes and retained bytes, for the nodes `included` keeps. */
function aggregate({ count, names, selfSize, dominator: { dominator, postOrder } }, within, by) {
  const retained = Float64Array.from(selfSize);
  for (const node of postOrder) if (dominator[node] >= 0) retained[dominator[node]] += retained[node];
  const included = within === undefined ? () => true : dominatedBy(count, names, dominator, postOrder, within);
  const rows = new Map();
  for (let i = 0; i < count; i++) {
    if (dominator[i] === -1 && i !== 0) continue;
    if (!included(i)) continue;
    const key = by === 'owner' ? ownerName(dominator, names, i) : names[i];
    const row = rows.get(key) ?? { count: 0, self: 0, retained: 0 };
    row.count++;
    row.self += selfSize[i];
    if (by !== 'owner' && !hasAncestorNamed(dominator, names, i)) row.retained += retained[i];
    rows.set(key, row);
  }
  return rows;
}

function hasAncestorNamed(dominator, names, node) {
  for (let up = dominator[node]; up > 0; up = dominator[up]) if (names[up] === names[node]) return true;
  return false;
}

/** A test for "dominated by an instance of `name`" (the instance itself included). */
function dominatedBy(count, names, dominator, postOrder, name) {
  const inside = new Uint8Array(count);
  for (let k = postOrder.length - 1; k >= 0; k--) {
    const node = postOrder[k];
    inside[node] = names[node] === name || (dominator[node] > 0 && inside[dominator[node]]) ? 1 : 0;
  }
  return (node) => inside[node] === 1;
}

const GENERIC = /^(\(|system \/|Object$|Array$|Map$|Set$|Promise$)/;

/** The name of `node` if it has a specific constructor, else that of its nearest dominator that has one. */
function ownerName(dominator, names, node) {
  let up = node;
  while (up > 0 && GENERIC.test(names[up])) up = dominator[up];
  return up > 0 ? names[up] : '(root)';
}

/** Instances of `name` grouped by their nearest dominator with a specific constructor name. */
function owners({ count, names, selfSize, dominator: { dominator } }, name) {
  const rows = new Map();
  for (let i = 0; i < count; i++) {
    if (names[i] !== name) continue;
    const owner = ownerName(dominator, names, dominator[i]);
    const row = rows.get(owner) ?? { count: 0, self: 0, retained: 0 };
    row.count++;
    row.self += selfSize[i];
    rows.set(owner, row);
  }
  return rows;
}

function table(rows, divisor, header) {
  const sorted = [...rows].sort(([, a], [, b]) => Math.abs(b.self) - Math.abs(a.self));
  const total = sorted.reduce((sum, [, row]) => ({ count: sum.count + row.count, self: sum.self + row.self }), { count: 0, self: 0 });
  const format = (value) => (value / divisor).toFixed(divisor === 1 ? 0 : 1);
  const columns = header.length;
  console.log(`| ${header.join(' | ')} |\n|---${'|---:'.repeat(columns - 1)}|`);
  for (const [name, row] of sorted.slice(0, top)) {
    const cells = [name.replaceAll('|', '\\|').slice(0, 80), format(row.count), format(row.self), format(row.retained)];
    console.log(`| ${cells.slice(0, columns).join(' | ')} |`);
  }
  console.log(`| ${[`all (${rows.size} names)`, format(total.count), format(total.self), ''].slice(0, columns).join(' | ')} |`);
}

if (command === 'summary' && files.length === 1) {
  const rows = aggregate(loadSnapshot(files[0]), options.within, options.by);
  table(rows, 1, ['name', 'count', 'self bytes', 'retained bytes'].slice(0, options.by === 'owner' ? 3 : 4));
} else if (command === 'owners' && files.length === 2) {
  table(owners(loadSnapshot(files[0]), files[1]), 1, ['nearest owner', 'count', 'self bytes']);
} else if (command === 'diff' && files.length === 2 && options.clients) {
  const [before, after] = options.clients.split(',').map(Number);
  const a = aggregate(loadSnapshot(files[0]), options.within, options.by);
  const b = aggregate(loadSnapshot(files[1]), options.within, options.by);
  const rows = new Map();
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const zero = { count: 0, self: 0, retained: 0 };
    const [x, y] = [a.get(name) ?? zero, b.get(name) ?? zero];
    rows.set(name, { count: y.count - x.count, self: y.self - x.self, retained: y.retained - x.retained });
  }
  table(rows, after - before, ['name', 'instances per client', 'self bytes per client', 'retained bytes per client'].slice(0, options.by === 'owner' ? 3 : 4));
} else {
  console.error('usage: heap-snapshot.js summary FILE [--top N] [--by owner] [--within NAME]\n'
    + '       heap-snapshot.js owners FILE NAME [--top N]\n'
    + '       heap-snapshot.js diff FILE_A FILE_B --clients A,B [--top N] [--by owner] [--within NAME]');
  process.exit(2);
}

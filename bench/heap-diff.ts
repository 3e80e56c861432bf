// What grew between two V8 heap snapshots of one process (`npm run bench -- --phase=memory --heap-snapshots`):
// objects new in the second snapshot (ids V8 keeps stable within a process), grouped by constructor, with the
// retainer paths of the largest groups, so a leak names its holder.
// Usage: npx tsx bench/heap-diff.ts bench/results/heap/warm.heapsnapshot bench/results/heap/after.heapsnapshot [groups]
// (`-` for the first snapshot: everything in the second one, by constructor).
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Graph {
  count: number;
  type: (n: number) => string;
  name: (n: number) => string;
  id: (n: number) => number;
  size: (n: number) => number;
  /** Retainers of node n: [retainer node, edge name]. */
  retainers: (n: number) => [number, string][];
}

function load(path: string): Graph {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const { node_fields: nf, node_types: nt, edge_fields: ef, edge_types: et } = raw.snapshot.meta;
  const nodeSize = nf.length;
  const edgeSize = ef.length;
  const [typeAt, nameAt, idAt, sizeAt, edgesAt] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number, number, number];
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [number, number, number];
  const count = raw.nodes.length / nodeSize;
  const retainedBy: [number, string][][] = Array.from({ length: count }, () => []);
  let edge = 0;
  for (let n = 0; n < count; n++) {
    const edges = raw.nodes[n * nodeSize + edgesAt]!;
    for (let e = 0; e < edges; e++, edge += edgeSize) {
      const kind = et[0][raw.edges[edge + edgeTypeAt]!]!;
      if (kind === 'weak') continue;
      const nameOrIndex = raw.edges[edge + edgeNameAt]!;
      const label = kind === 'element' || kind === 'hidden' ? `[${nameOrIndex}]` : raw.strings[nameOrIndex]!;
      retainedBy[raw.edges[edge + toAt]! / nodeSize]!.push([n, label]);
    }
  }
  return {
    count,
    type: (n) => nt[0][raw.nodes[n * nodeSize + typeAt]!]!,
    name: (n) => raw.strings[raw.nodes[n * nodeSize + nameAt]!]!,
    id: (n) => raw.nodes[n * nodeSize + idAt]!,
    size: (n) => raw.nodes[n * nodeSize + sizeAt]!,
    retainers: (n) => retainedBy[n]!,
  };
}

function group(g: Graph, n: number): string {
  const type = g.type(n);
  if (type === 'object' || type === 'closure' || type === 'native') return `${type} ${g.name(n).slice(0, 60)}`;
  return type;
}

/** One retainer path upwards (first retainer at each step that is not yet on the path). */
function path(g: Graph, n: number, depth: number): string {
  const steps: string[] = [];
  const seen = new Set([n]);
  let at = n;
  for (let i = 0; i < depth; i++) {
    const next = g.retainers(at).find(([r]) => !seen.has(r) && g.type(r) !== 'synthetic');
    if (!next) break;
    const [r, label] = next;
    steps.push(`${label} ← ${group(g, r)}`);
    seen.add(r);
    at = r;
  }
  return steps.join(' ← ');
}

const [beforePath, afterPath, groupsArg] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  process.stderr.write('usage: npx tsx bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [groups]\n');
  process.exit(2);
}
const known = new Set<number>();
if (beforePath !== '-') {
  const before = load(beforePath);
  for (let n = 0; n < before.count; n++) known.add(before.id(n));
}
const after = load(afterPath);
const groups = new Map<string, { count: number; bytes: number; samples: number[] }>();
let total = 0;
for (let n = 0; n < after.count; n++) {
  if (known.has(after.id(n))) continue;
  const key = group(after, n);
  const entry = groups.get(key) ?? { count: 0, bytes: 0, samples: [] };
  entry.count++;
  entry.bytes += after.size(n);
  // A uniform sample of the group (reservoir), so the holders printed are the common ones, not the first allocated.
  if (entry.samples.length < 200) entry.samples.push(n);
  else if (Math.random() * entry.count < 200) entry.samples[Math.floor(Math.random() * 200)] = n;
  groups.set(key, entry);
  total += after.size(n);
}
const top = [...groups.entries()].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, Number(groupsArg ?? 25));
process.stdout.write(`new objects: ${total.toLocaleString('en-US')} bytes (self size) in ${[...groups.values()].reduce((s, e) => s + e.count, 0).toLocaleString('en-US')} objects\n\n`);
for (const [key, entry] of top) {
  process.stdout.write(`${entry.bytes.toLocaleString('en-US').padStart(12)} B  ${String(entry.count).padStart(8)}  ${key}\n`);
  // The most common retainer paths among sampled new objects of the group.
  const paths = new Map<string, number>();
  for (const n of entry.samples) {
    const p = path(after, n, 8);
    paths.set(p, (paths.get(p) ?? 0) + 1);
  }
  for (const [p, k] of [...paths.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)) process.stdout.write(`                 ${k}× ${p.slice(0, 400)}\n`);
}

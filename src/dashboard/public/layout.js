// A deterministic force-directed layout: the same nodes and edges give the
// same positions on every load (no Math.random; the only "randomness" is a
// hash of the ids), and nodes that are already placed can be kept where they
// are while new ones settle around them. Pure functions, no DOM, so that it
// runs in the page and in unit tests alike.

/** Ideal distance between partners, in model units. */
export const EDGE_LENGTH = 70;

/** FNV-1a hash of a string, 32 bits. */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded pseudo-random generator (mulberry32) giving numbers in [0, 1). */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const compareIds = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Positions for `nodes` ([{id, partnerCount}]) linked by `edges`
 * ([{source, target}]), as a Map id → {x, y}. Nodes in `fixed` (Map id →
 * {x, y}) keep their position; the others start next to their placed
 * partners (or on a spiral, hubs in the middle) and settle under spring and
 * repulsion forces for `iterations` steps.
 */
export function layoutNetwork(nodes, edges, { fixed = new Map(), iterations } = {}) {
  // Input order must not matter: work in id order, rank by partners then id.
  const sorted = [...nodes].sort((a, b) => compareIds(a.id, b.id));
  const n = sorted.length;
  const index = new Map(sorted.map((node, i) => [node.id, i]));
  const links = edges
    .map((e) => [index.get(e.source), index.get(e.target)])
    .filter(([a, b]) => a !== undefined && b !== undefined && a !== b)
    .map(([a, b]) => (a < b ? [a, b] : [b, a]))
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const neighbours = Array.from({ length: n }, () => []);
  for (const [a, b] of links) {
    neighbours[a].push(b);
    neighbours[b].push(a);
  }
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const pinned = new Uint8Array(n);
  const placed = new Uint8Array(n);
  const random = seededRandom(hashString(sorted.map((s) => s.id).join('\n')));

  sorted.forEach((node, i) => {
    const at = fixed.get(node.id);
    if (at) {
      xs[i] = at.x;
      ys[i] = at.y;
      pinned[i] = 1;
      placed[i] = 1;
    }
  });
  const free = sorted.map((_, i) => i).filter((i) => !pinned[i]);
  if (free.length === 0) return positionsOf(sorted, xs, ys);

  // Hubs first: a node starts beside its already placed partners, else on a sunflower spiral.
  const byRank = [...free].sort((a, b) => (sorted[b].partnerCount || 0) - (sorted[a].partnerCount || 0) || a - b);
  let cx = 0;
  let cy = 0;
  let radius = 0;
  const pinnedCount = n - free.length;
  if (pinnedCount > 0) {
    for (let i = 0; i < n; i += 1) if (pinned[i]) ((cx += xs[i]), (cy += ys[i]));
    cx /= pinnedCount;
    cy /= pinnedCount;
    for (let i = 0; i < n; i += 1) if (pinned[i]) radius = Math.max(radius, Math.hypot(xs[i] - cx, ys[i] - cy));
  }
  const golden = Math.PI * (3 - Math.sqrt(5));
  byRank.forEach((i, rank) => {
    let sx = 0;
    let sy = 0;
    let count = 0;
    for (const j of neighbours[i]) if (placed[j]) ((sx += xs[j]), (sy += ys[j]), (count += 1));
    if (count > 0) {
      const angle = random() * 2 * Math.PI;
      xs[i] = sx / count + Math.cos(angle) * EDGE_LENGTH * 0.6;
      ys[i] = sy / count + Math.sin(angle) * EDGE_LENGTH * 0.6;
    } else {
      const r = (pinnedCount > 0 ? radius + EDGE_LENGTH : 0) + EDGE_LENGTH * 0.6 * Math.sqrt(rank);
      xs[i] = cx + r * Math.cos(rank * golden);
      ys[i] = cy + r * Math.sin(rank * golden);
    }
    placed[i] = 1;
  });

  // Fewer steps when most nodes stay where they are, and for large networks
  // (a step costs O(n); 100 steps settle 300 nodes visibly as well as 250).
  const steps = iterations ?? (pinnedCount > 0 ? 80 : Math.round(Math.max(100, Math.min(250, 25_000 / free.length))));
  relax({ n, xs, ys, pinned, links, iterations: steps, random });
  return positionsOf(sorted, xs, ys);
}

function positionsOf(sorted, xs, ys) {
  return new Map(sorted.map((node, i) => [node.id, { x: Math.round(xs[i] * 10) / 10, y: Math.round(ys[i] * 10) / 10 }]));
}

/**
 * Fruchterman–Reingold steps: springs along links, repulsion between nodes
 * closer than a cut-off (found through a grid, so a step costs O(n) for an
 * even spread), a weak pull to the centre, moves bounded by a cooling
 * temperature. Pinned nodes push and pull but do not move, and only the
 * forces on free nodes are computed.
 */
function relax({ n, xs, ys, pinned, links, iterations, random }) {
  const k = EDGE_LENGTH;
  const cutoff = 3 * k;
  const cutoff2 = cutoff * cutoff;
  const free = [];
  for (let i = 0; i < n; i += 1) if (!pinned[i]) free.push(i);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i += 1) ((cx += xs[i]), (cy += ys[i]));
  cx /= n;
  cy /= n;
  const start = k * Math.max(1, Math.sqrt(free.length) / 3);
  const cellOf = (x, y) => (Math.floor(x / cutoff) + 32768) * 65536 + (Math.floor(y / cutoff) + 32768);
  for (let step = 0; step < iterations; step += 1) {
    const grid = new Map();
    for (let i = 0; i < n; i += 1) {
      const key = cellOf(xs[i], ys[i]);
      const cell = grid.get(key);
      if (cell) cell.push(i);
      else grid.set(key, [i]);
    }
    for (const i of free) {
      let fx = 0;
      let fy = 0;
      const xi = xs[i];
      const yi = ys[i];
      const base = cellOf(xi, yi);
      for (let ox = -1; ox <= 1; ox += 1) {
        for (let oy = -1; oy <= 1; oy += 1) {
          const cell = grid.get(base + ox * 65536 + oy);
          if (cell === undefined) continue;
          for (let c = 0; c < cell.length; c += 1) {
            const j = cell[c];
            if (j === i) continue;
            let ddx = xi - xs[j];
            let ddy = yi - ys[j];
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 > cutoff2) continue;
            if (d2 < 0.01) {
              ddx = random() - 0.5;
              ddy = random() - 0.5;
              d2 = ddx * ddx + ddy * ddy;
            }
            const f = (k * k) / d2; // k²/d along the unit vector
            fx += ddx * f;
            fy += ddy * f;
          }
        }
      }
      dx[i] = fx - (xi - cx) * 0.05;
      dy[i] = fy - (yi - cy) * 0.05;
    }
    for (let l = 0; l < links.length; l += 1) {
      const a = links[l][0];
      const b = links[l][1];
      const ddx = xs[a] - xs[b];
      const ddy = ys[a] - ys[b];
      const f = Math.sqrt(ddx * ddx + ddy * ddy) / k; // d²/k along the unit vector
      dx[a] -= ddx * f;
      dy[a] -= ddy * f;
      dx[b] += ddx * f;
      dy[b] += ddy * f;
    }
    const temperature = start * (1 - step / iterations) + 1;
    for (const i of free) {
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (d > 0) {
        const move = Math.min(d, temperature);
        xs[i] += (dx[i] / d) * move;
        ys[i] += (dy[i] / d) * move;
      }
    }
  }
}

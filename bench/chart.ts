/** A dependency-free SVG: completed nominations per interval (bars) and request p95 latency (line). */
export function chartSvg(series: { t: number; completed: number; p95: number }[], title: string): string {
  const w = 900, h = 360, pad = 50;
  const maxC = Math.max(1, ...series.map((s) => s.completed));
  const maxL = Math.max(1, ...series.map((s) => s.p95));
  const x = (i: number) => pad + (i * (w - 2 * pad)) / Math.max(1, series.length);
  const bw = Math.max(1, (w - 2 * pad) / Math.max(1, series.length) - 2);
  const bars = series.map((s, i) => `<rect x="${x(i).toFixed(1)}" y="${(h - pad - ((h - 2 * pad) * s.completed) / maxC).toFixed(1)}" width="${bw.toFixed(1)}" height="${(((h - 2 * pad) * s.completed) / maxC).toFixed(1)}" fill="#4c8bf5"/>`).join('');
  const line = series.map((s, i) => `${(x(i) + bw / 2).toFixed(1)},${(h - pad - ((h - 2 * pad) * s.p95) / maxL).toFixed(1)}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="${pad}" y="20" font-size="14">${title}</text>
${bars}
<polyline points="${line}" fill="none" stroke="#e8453c" stroke-width="2"/>
<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="black"/>
<text x="${pad}" y="${h - 15}">time (s) →, bars: nominations awarded per interval (max ${maxC}), red: request p95 latency (max ${Math.round(maxL)} ms)</text>
</svg>
`;
}

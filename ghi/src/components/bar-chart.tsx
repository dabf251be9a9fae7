/** A small horizontal bar chart in SVG, with the numbers also in text for screen readers. */
export function BarChart({
  title,
  bars,
  format,
}: {
  title: string;
  bars: { label: string; value: number }[];
  format: (n: number) => string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rowHeight = 28;
  return (
    <figure className="bar-chart">
      <svg role="img" aria-label={title} viewBox={`0 0 400 ${bars.length * rowHeight}`} width="100%">
        {bars.map((bar, i) => (
          <g key={bar.label} transform={`translate(0 ${i * rowHeight})`}>
            <text x="0" y="18" fontSize="12">
              {bar.label}
            </text>
            <rect x="130" y="5" height="18" width={(bar.value / max) * 170} rx="3" className="bar" />
            <text x={136 + (bar.value / max) * 170} y="18" fontSize="12">
              {format(bar.value)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

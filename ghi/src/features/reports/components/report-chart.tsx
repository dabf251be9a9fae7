import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Chart.js, and only its bar chart: this module is imported by the report pages alone, so the
// library is in their lazy chunk and never in the app's first download.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Distinguishable for the common color-vision deficiencies (Okabe and Ito's palette). */
const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export interface ChartSeries {
  label: string;
  values: number[];
}

interface ReportChartProps {
  /** Said to screen readers and under the chart; the table below holds the same numbers. */
  title: string;
  labels: string[];
  series: ChartSeries[];
  format: (value: number) => string;
  /** Series on top of each other (parts of one whole) rather than side by side. */
  stacked?: boolean;
  /** Bars across, for long labels such as names. */
  horizontal?: boolean;
}

/** A bar chart of one or more series. Pass `labels` and `series` memoised: new ones redraw it. */
export function ReportChart({ title, labels, series, format, stacked = false, horizontal = false }: ReportChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const value = horizontal ? 'x' : 'y';
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((one, i) => ({
          label: one.label,
          data: one.values,
          backgroundColor: palette[i % palette.length],
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            stacked,
            ...(value === 'x' ? { beginAtZero: true, ticks: { callback: (v) => format(Number(v)) } } : {}),
          },
          y: {
            stacked,
            ...(value === 'y' ? { beginAtZero: true, ticks: { callback: (v) => format(Number(v)) } } : {}),
          },
        },
        plugins: {
          legend: { display: series.length > 1 },
          tooltip: {
            callbacks: { label: (item) => `${item.dataset.label}: ${format(Number(item.parsed[value]))}` },
          },
        },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [labels, series, format, stacked, horizontal]);
  return (
    <figure className="report-chart">
      <div
        className="report-chart-canvas"
        style={{ height: horizontal ? `${Math.max(160, labels.length * 36)}px` : undefined }}
      >
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

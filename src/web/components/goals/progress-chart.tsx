import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useId } from 'react';
import { useElementWidth } from '../../hooks/use-element-width.ts';
import { type ProgressPoint, progressSummary } from '../../lib/goals.ts';

/*
 * A goal's progress over its check-ins as a small line chart (visx: SVG drawn by React, a few
 * kilobytes of d3's scales and paths, loaded with the goal pages only). It is an image to
 * assistive technology, named and described by the summary in words; the same numbers are in the
 * check-in table beside it. Colours are the theme's, through classes.
 */

const HEIGHT = 200;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 40 };
/** At most this many labels under the chart: more would run into each other on a phone. */
const MAX_X_LABELS = 6;

export function ProgressChart({
  points,
  title,
}: {
  points: readonly ProgressPoint[];
  title: string;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const titleId = useId();
  const descId = useId();
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const last = Math.max(1, points.length - 1);
  const x = scaleLinear<number>({ domain: [0, last], range: [0, innerWidth] });
  const y = scaleLinear<number>({ domain: [0, 100], range: [innerHeight, 0] });
  const step = Math.ceil(points.length / MAX_X_LABELS);
  const xTicks = points.map((_, index) => index).filter((index) => index % step === 0);

  return (
    <div ref={ref} className="w-full">
      {width > 0 && (
        <svg
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          width={width}
          height={HEIGHT}
          className="block overflow-visible"
          data-points={points.length}
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{progressSummary(points)}</desc>
          <Group left={MARGIN.left} top={MARGIN.top}>
            {[0, 50, 100].map((value) => (
              <line
                key={value}
                x1={0}
                x2={innerWidth}
                y1={y(value)}
                y2={y(value)}
                className="stroke-border"
                strokeDasharray={value === 0 ? undefined : '3 3'}
              />
            ))}
            <AxisLeft
              scale={y}
              tickValues={[0, 50, 100]}
              tickFormat={(value) => `${value}%`}
              hideAxisLine
              hideTicks
              tickLabelProps={{ className: 'fill-muted-foreground', fontSize: 11 }}
            />
            <AxisBottom
              top={innerHeight}
              scale={x}
              tickValues={xTicks}
              tickFormat={(value) => (Number(value) === 0 ? 'Start' : `#${Number(value)}`)}
              hideAxisLine
              hideTicks
              tickLabelProps={{ className: 'fill-muted-foreground', fontSize: 11 }}
            />
            <LinePath
              data={points as ProgressPoint[]}
              x={(_, index) => x(index)}
              y={(point) => y(point.percent)}
              className="fill-none stroke-primary"
              strokeWidth={2}
              strokeLinejoin="round"
            />
            {points.map((point, index) => (
              <circle
                key={`${point.label}-${point.at}`}
                cx={x(index)}
                cy={y(point.percent)}
                r={3.5}
                className="fill-surface stroke-primary"
                strokeWidth={2}
              >
                <title>{`${point.label}: ${point.percent}%`}</title>
              </circle>
            ))}
          </Group>
        </svg>
      )}
      {width === 0 && <div style={{ height: HEIGHT }} />}
    </div>
  );
}

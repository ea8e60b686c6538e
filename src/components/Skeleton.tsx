import * as React from 'react';
import { hiddenContentStyle, keyframes, mergeStyles, useTheme } from '@fluentui/react';

/**
 * A grey placeholder line while content loads, in the theme's semantic colours, still under `prefers-reduced-motion`.
 *
 * Written here rather than Fluent UI's Shimmer because Shimmer and its sixteen modules cost 2.5 KB gzipped on every
 * page with a web part, and a page with every component must stay within its 200 KB budget (scripts/check-sppkg.js):
 * a loading line needs only a block with a colour and a gentle pulse.
 */
const pulse = keyframes({ '0%': { opacity: 1 }, '50%': { opacity: 0.45 }, '100%': { opacity: 1 } });
const hidden = mergeStyles(hiddenContentStyle);

export const Skeleton: React.FC<{ width?: string; label?: string }> = ({ width = '100%', label }) => {
  const theme = useTheme();
  const line = mergeStyles({
    height: 16,
    width,
    borderRadius: 2,
    background: theme.semanticColors.disabledBackground,
    animation: `${pulse} 1.6s ease-in-out infinite`,
    '@media (prefers-reduced-motion: reduce)': { animation: 'none' }
  });
  return (
    <div className={line} data-skeleton="">
      {label && <span className={hidden}>{label}</span>}
    </div>
  );
};

import { useEffect, useRef, useState } from 'react';
import type { TopLevelSpec } from 'vega-lite';
import { useI18n } from '../LanguageContext';

interface Props {
  spec: TopLevelSpec;
  /** Short description for assistive technology; the table beside each chart holds the same numbers. */
  label: string;
  testId: string;
  className?: string;
}

/**
 * Renders a Vega-Lite spec as SVG (so every shape is an element in the page), with no action menu. A new
 * spec is drawn out of sight and swapped in when ready: the previous chart stays until then.
 */
export function VegaChart({ spec, label, testId, className }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useI18n();

  useEffect(() => {
    const host = container.current;
    if (!host) return;
    let cancelled = false;
    let finalize: (() => void) | undefined;
    const target = document.createElement('div');
    target.className = 'chart-next';
    host.appendChild(target);
    setError(null);
    // Loaded on demand: Vega is most of the JavaScript and the page is useful before it arrives.
    import('vega-embed')
      .then(({ default: embed }) => embed(target, spec, { actions: false, renderer: 'svg' }))
      .then((result) => {
        if (cancelled) {
          result.finalize();
          return;
        }
        finalize = () => result.finalize();
        for (const child of [...host.children]) if (child !== target) child.remove();
        target.className = '';
      })
      .catch((cause: unknown) => {
        if (!cancelled) setError(cause instanceof Error ? cause.message : String(cause));
      });
    return () => {
      cancelled = true;
      finalize?.();
      // A chart that never finished goes; a finished one stays on screen until the next replaces it.
      if (target.className === 'chart-next') target.remove();
    };
  }, [spec]);

  return (
    <>
      <div className={className ? `chart ${className}` : 'chart'} ref={container} data-testid={testId} role="img" aria-label={label} />
      {error && (
        <p className="notice notice-error" role="alert">
          {t('chartError', { message: error })}
        </p>
      )}
    </>
  );
}

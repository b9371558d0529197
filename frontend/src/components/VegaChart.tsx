import { useEffect, useRef, useState } from 'react';
import type { TopLevelSpec } from 'vega-lite';
import { useI18n } from '../LanguageContext';

interface Props {
  spec: TopLevelSpec;
  /** Short description for assistive technology; the table beside each chart holds the same numbers. */
  label: string;
  testId: string;
}

/** Renders a Vega-Lite spec as SVG (so every shape is an element in the page), with no action menu. */
export function VegaChart({ spec, label, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useI18n();

  useEffect(() => {
    if (!container.current) return;
    let cancelled = false;
    let finalize: (() => void) | undefined;
    // A fresh target per spec: a slow render of an old spec then lands in a detached element.
    const target = document.createElement('div');
    container.current.replaceChildren(target);
    setError(null);
    // Loaded on demand: Vega is most of the bundle and the page is useful before it arrives.
    import('vega-embed')
      // ast + Vega's interpreter: expressions are evaluated without eval, so the page runs under a CSP
      // without 'unsafe-eval'. Embed's and the tooltip's default styles would be inline <style>
      // elements, which the CSP refuses: the tooltip's is in styles.css instead.
      .then(({ default: embed }) =>
        embed(target, spec, { actions: false, renderer: 'svg', ast: true, defaultStyle: false, tooltip: { disableDefaultStyle: true } }),
      )
      .then((result) => {
        if (cancelled) result.finalize();
        else finalize = () => result.finalize();
      })
      .catch((cause: unknown) => {
        if (!cancelled) setError(cause instanceof Error ? cause.message : String(cause));
      });
    return () => {
      cancelled = true;
      finalize?.();
      target.remove();
    };
  }, [spec]);

  return (
    <>
      <div className="chart" ref={container} data-testid={testId} role="img" aria-label={label} />
      {error && (
        <p className="notice notice-error" role="alert">
          {t('chartError', { message: error })}
        </p>
      )}
    </>
  );
}

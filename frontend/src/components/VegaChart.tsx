import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TopLevelSpec } from 'vega-lite';
import { useI18n } from '../LanguageContext';

interface Props {
  spec: TopLevelSpec;
  /** Short description for assistive technology; the table beside each chart holds the same numbers. */
  label: string;
  testId: string;
  className?: string;
  /** Called with the territory code of a mark clicked (or chosen with Enter): a comune or Ambito of a map or ranking. */
  onSelect?: (code: string) => void;
  /** Called once the chart is on screen, or has failed to draw. */
  onDrawn?: () => void;
}

/** The territory a mark stands for: `code` in a ranking's rows, `properties.code` in a map's shapes. */
export function markCode(datum: unknown): string | null {
  const d = datum as { code?: unknown; properties?: { code?: unknown } } | null | undefined;
  const code = d?.code ?? d?.properties?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * Renders a Vega-Lite spec as SVG (so every shape is an element in the page), with no action menu. A new
 * spec is drawn out of sight and swapped in when ready: the previous chart stays until then.
 */
export function VegaChart({ spec, label, testId, className, onSelect, onDrawn }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useI18n();
  // Kept in a ref: a new handler on each render must not redraw the chart.
  const select = useRef(onSelect);
  select.current = onSelect;
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;

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
      // ast + Vega's interpreter: expressions are evaluated without eval, so the page runs under a CSP
      // without 'unsafe-eval'. Embed's and the tooltip's default styles would be inline <style>
      // elements, which the CSP refuses: the tooltip's is in styles.css instead.
      .then(({ default: embed }) =>
        embed(target, spec, { actions: false, renderer: 'svg', ast: true, defaultStyle: false, tooltip: { disableDefaultStyle: true } }),
      )
      .then((result) => {
        if (cancelled) {
          result.finalize();
          return;
        }
        finalize = () => result.finalize();
        // The live view on its element, so that browser tests (and a curious reader's console) can read the data drawn.
        (host as HTMLDivElement & { vegaView?: unknown }).vegaView = result.view;
        result.view.addEventListener('click', (_event, item) => {
          const code = markCode(item?.datum);
          if (code !== null) select.current?.(code);
        });
        for (const child of [...host.children]) if (child !== target) child.remove();
        target.className = '';
        drawn.current?.();
      })
      .catch((cause: unknown) => {
        if (cancelled) return;
        setError(cause instanceof Error ? cause.message : String(cause));
        drawn.current?.();
      });
    return () => {
      cancelled = true;
      finalize?.();
      // A chart that never finished goes; a finished one stays on screen until the next replaces it.
      if (target.className === 'chart-next') target.remove();
    };
  }, [spec]);

  // From the keyboard: the chart is one tab stop, the arrows move from mark to mark, showing each one's
  // tooltip as the pointer would and reading its label out.
  const focused = useRef<Element | null>(null);
  const [spoken, setSpoken] = useState('');
  const hintId = useId();
  const point = (mark: Element | null) => {
    const previous = focused.current;
    if (previous) {
      previous.classList.remove('is-focused');
      for (const type of ['pointerout', 'mouseout']) previous.dispatchEvent(new MouseEvent(type, { bubbles: true }));
    }
    focused.current = mark;
    if (!mark) return setSpoken('');
    mark.classList.add('is-focused');
    const box = mark.getBoundingClientRect();
    const at = { bubbles: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
    for (const type of ['pointerover', 'mouseover', 'pointermove', 'mousemove']) mark.dispatchEvent(new MouseEvent(type, at));
    setSpoken(mark.getAttribute('aria-label') ?? '');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const marks = [...(container.current?.querySelectorAll(':scope > div:not(.chart-next) path[role="graphics-symbol"][aria-label]') ?? [])];
    if (marks.length === 0) return;
    const at = focused.current ? marks.indexOf(focused.current) : -1;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: marks.length - 1 };
    if (event.key === 'Escape') return point(null);
    if (event.key === 'Enter' && focused.current && onSelect) {
      // Vega finds the mark from the event's target, as for a click with the pointer.
      focused.current.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return;
    }
    if (!(event.key in moves)) return;
    event.preventDefault();
    point(marks[Math.min(Math.max(moves[event.key]!, 0), marks.length - 1)]!);
  };

  return (
    <>
      <div
        className={['chart', className, onSelect ? 'is-selectable' : ''].filter(Boolean).join(' ')}
        ref={container}
        data-testid={testId}
        role="figure"
        aria-label={label}
        aria-describedby={hintId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={() => point(null)}
      />
      <p id={hintId} className="visually-hidden">
        {t('chartKeys')}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid={`${testId}-spoken`}>
        {spoken}
      </p>
      {error && (
        <p className="notice notice-error" role="alert">
          {t('chartError', { message: error })}
        </p>
      )}
    </>
  );
}

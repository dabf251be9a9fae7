import type { Automobile } from '@carcar/common/contract/inventory';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { Button } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage, inventoryApi } from '../lib/api-client';
import { useTranslation } from '../lib/i18n';
import { getPage } from '../lib/paged';
import { carPath } from '../lib/paths';
import { MIN_PARTIAL, parseVinQuery, vinSearchOutcome } from '../lib/vin-search';
import { vinProblemOf } from './vin-words';

type Found =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'message'; text: string }
  | { state: 'choose'; cars: Automobile[] };

/** Why what was typed cannot be searched for, in the user's language (lib/vin-search says it in English). */
function invalidText(t: TFunction, input: string): string {
  const text = input.toUpperCase().replace(/[\s-]+/g, '');
  if (text === '') return t('components:vinSearch.empty');
  if (/[IOQ]/.test(text)) return t('components:vinSearch.noIoq');
  if (!/^[A-Z0-9]+$/.test(text)) return t('components:vinSearch.lettersDigits');
  if (text.length > 17) return t('components:vinSearch.tooLong', { length: text.length });
  if (text.length === 17) return `${vinProblemOf(t, text) ?? ''}.`;
  return t('components:vinSearch.tooShort', { min: MIN_PARTIAL });
}

/**
 * "Find a car" in the header of every page: a whole VIN opens the car's page, the last 6 or more
 * characters search the stock and open the one match, or list the matches to choose from.
 */
export function VinSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();
  const hintId = `${ids}-hint`;
  const listId = `${ids}-list`;

  // A new page: whatever was listed belongs to the last search.
  // biome-ignore lint/correctness/useExhaustiveDependencies: it must run on every navigation, which the path marks
  useEffect(() => setFound({ state: 'idle' }), [location.pathname]);

  const open = (vin: string) => {
    setText('');
    setFound({ state: 'idle' });
    navigate(carPath(vin));
  };

  const search = async () => {
    const query = parseVinQuery(text);
    if (query.kind === 'invalid') {
      setFound({ state: 'message', text: invalidText(t, text) });
      return;
    }
    if (query.kind === 'vin') {
      open(query.vin);
      return;
    }
    setFound({ state: 'busy' });
    try {
      const page = await getPage<Automobile>(inventoryApi, pathTo(inventoryRoutes.automobiles.list), 'autos', {
        q: query.text,
        limit: 50,
      });
      const outcome = vinSearchOutcome(query.text, page.items);
      if (outcome.kind === 'open') open(outcome.vin);
      else if (outcome.kind === 'choose') setFound({ state: 'choose', cars: outcome.cars });
      else setFound({ state: 'message', text: t('components:vinSearch.none', { text: query.text }) });
    } catch (error) {
      setFound({ state: 'message', text: errorMessage(error) });
    }
  };

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && found.state !== 'idle') {
      event.preventDefault();
      setFound({ state: 'idle' });
      input.current?.focus();
    }
  };

  const status =
    found.state === 'busy'
      ? t('common:vinSearch.searching')
      : found.state === 'message'
        ? found.text
        : found.state === 'choose'
          ? t('common:vinSearch.choose', { count: found.cars.length })
          : '';

  return (
    <search className="vin-search" onKeyDown={closeOnEscape}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <label htmlFor={`${ids}-input`} className="visually-hidden">
          {t('common:vinSearch.label')}
        </label>
        <input
          ref={input}
          id={`${ids}-input`}
          type="search"
          value={text}
          placeholder={t('common:vinSearch.placeholder')}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          aria-controls={found.state === 'choose' ? listId : undefined}
          onChange={(event) => {
            setText(event.target.value);
            if (found.state === 'message') setFound({ state: 'idle' });
          }}
        />
        <span id={hintId} className="visually-hidden">
          {t('common:vinSearch.hint')}
        </span>
        <Button type="submit" aria-busy={found.state === 'busy' || undefined}>
          {t('common:vinSearch.find')}
        </Button>
      </form>
      {/* What the search found floats under the box, over the page, never in the bar's 56 px. */}
      <div className={status ? 'vin-search-panel' : undefined}>
        <p role="status" className={status ? 'vin-search-status' : 'visually-hidden'}>
          {status}
        </p>
        {found.state === 'choose' && (
          <ul id={listId} className="vin-search-results" aria-label={t('common:vinSearch.found')}>
            {found.cars.map((car) => (
              <li key={car.vin}>
                <Link
                  to={carPath(car.vin)}
                  onClick={() => {
                    setText('');
                    setFound({ state: 'idle' });
                  }}
                >
                  <code>{car.vin}</code> {car.year} {car.model.manufacturer.name} {car.model.name}, {car.color}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </search>
  );
}

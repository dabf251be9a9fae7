// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Combobox } from '../src/components/combobox';
import { renderThemed } from './render';

interface Car {
  vin: string;
  model: string;
}
const cars: Car[] = [
  { vin: '1HGCM82633A004352', model: 'Accord' },
  { vin: '1HGCM82633A004353', model: 'Civic' },
  { vin: '2C3CC5FB0AN000001', model: '300' },
];

/** The combobox as a form uses it, with a record of every look-up and every choice. */
function Harness({ lookups, chosen }: { lookups: string[]; chosen: Car[] }) {
  const [value, setValue] = useState('');
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <Combobox<Car>
        id="vin"
        label="VIN"
        value={value}
        onChange={setValue}
        onSelect={(car) => chosen.push(car)}
        loadOptions={async (q) => {
          lookups.push(q);
          return cars.filter((c) => c.vin.includes(q.toUpperCase()));
        }}
        minLength={2}
        // Longer than the app's 250 ms: under a loaded CI machine the keys of one word can arrive
        // further apart than that, and the test is about coalescing a word, not about the timing.
        debounceMs={800}
        optionKey={(c) => c.vin}
        optionText={(c) => c.vin}
        renderOption={(c) => `${c.vin} ${c.model}`}
        noMatches="No car matches."
      />
    </form>
  );
}

afterEach(cleanup);

describe('Combobox', () => {
  it('suggests after a pause in typing, moves with the arrow keys and chooses with Enter', async () => {
    const lookups: string[] = [];
    const chosen: Car[] = [];
    renderThemed(<Harness lookups={lookups} chosen={chosen} />);
    const input = screen.getByRole('combobox', { name: 'VIN' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await userEvent.type(input, '1hg');
    const options = await screen.findAllByRole('option', {}, { timeout: 3000 });
    // One look-up for the typing, not one per key.
    expect(lookups).toEqual(['1hg']);
    expect(options.map((o) => o.textContent)).toEqual(['1HGCM82633A004352 Accord', '1HGCM82633A004353 Civic']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);

    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{ArrowDown}');
    // Past the last option it wraps to the first.
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    await userEvent.keyboard('{ArrowUp}{Enter}');
    expect((input as HTMLInputElement).value).toBe('1HGCM82633A004353');
    expect(chosen.map((c) => c.model)).toEqual(['Civic']);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('keeps free typing, says when nothing matches, and closes on Escape, then clears on a second one', async () => {
    renderThemed(<Harness lookups={[]} chosen={[]} />);
    const input = screen.getByRole('combobox', { name: 'VIN' });
    await userEvent.type(input, 'ZZZ');
    await screen.findByText('No car matches.', {}, { timeout: 3000 });
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect((input as HTMLInputElement).value).toBe('ZZZ');
    await userEvent.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect((input as HTMLInputElement).value).toBe('ZZZ');
    await userEvent.keyboard('{Escape}');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('chooses an option by mouse, and looks nothing up below the minimum length', async () => {
    const lookups: string[] = [];
    const chosen: Car[] = [];
    renderThemed(<Harness lookups={lookups} chosen={chosen} />);
    const input = screen.getByRole('combobox', { name: 'VIN' });
    await userEvent.type(input, '2');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lookups).toEqual([]);
    await userEvent.type(input, 'c');
    await userEvent.click(await screen.findByRole('option', { name: /300/ }, { timeout: 3000 }));
    expect((input as HTMLInputElement).value).toBe('2C3CC5FB0AN000001');
    expect(chosen.map((c) => c.model)).toEqual(['300']);
  });
});

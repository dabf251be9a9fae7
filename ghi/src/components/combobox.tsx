import { Combobox as MantineCombobox, TextInput, useCombobox } from '@mantine/core';
import { type KeyboardEvent, type ReactNode, type Ref, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../lib/i18n';

export interface ComboboxProps<T> {
  label: string;
  /** The input's id; the label points at it. */
  id: string;
  /** What is typed: free text stays allowed, an option is a suggestion, not a must. */
  value: string;
  onChange: (value: string) => void;
  /** Called when an option is chosen (Enter or click); the input then shows `optionText(option)`. */
  onSelect?: (option: T) => void;
  /** Fetches the options for what is typed; the signal aborts a request overtaken by newer typing. */
  loadOptions: (query: string, signal: AbortSignal) => Promise<T[]>;
  optionKey: (option: T) => string;
  /** The text put in the input when the option is chosen. */
  optionText: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  /** Typed characters before options are looked up (default 1). */
  minLength?: number;
  /** Milliseconds of quiet typing before a look-up (default 250). */
  debounceMs?: number;
  /** Said when nothing matches, e.g. "No car in inventory matches; an outside car's VIN is fine too." */
  noMatches?: ReactNode;
  hint?: ReactNode;
  error?: string;
  name?: string;
  inputRef?: Ref<HTMLInputElement>;
  onBlur?: () => void;
  autoComplete?: string;
  placeholder?: string;
}

type Lookup<T> = { state: 'idle' } | { state: 'loading' } | { state: 'done'; options: T[] } | { state: 'failed' };

/**
 * An editable combobox with a list of suggestions, after the WAI-ARIA APG "combobox with listbox popup"
 * pattern: focus stays in the input, the active option is named by aria-activedescendant. Down/Up move
 * through the options (Down opens the list, Alt+Down too), Enter chooses, Escape closes the list (a
 * second Escape clears the input), Tab leaves with what is typed.
 *
 * Mantine's Combobox draws the input and the dropdown (position, layering, look); the keys and the
 * ARIA state stay ours, as React state: Mantine marks the active option with a data attribute only,
 * not aria-selected, and keeps its active option where the page cannot read it.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const { t } = useTranslation();
  const { value, minLength = 1, debounceMs = 250, loadOptions } = props;
  const listId = useId();
  const statusId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [lookup, setLookup] = useState<Lookup<T>>({ state: 'idle' });
  // Typing since the last choice: a chosen option's text should not be looked up again at once.
  const [typed, setTyped] = useState(false);
  const loadRef = useRef(loadOptions);
  loadRef.current = loadOptions;

  useEffect(() => {
    if (!typed || value.trim().length < minLength) {
      setLookup({ state: 'idle' });
      return;
    }
    const controller = new AbortController();
    setLookup({ state: 'loading' });
    const timer = setTimeout(() => {
      loadRef.current(value.trim(), controller.signal).then(
        (options) => {
          if (controller.signal.aborted) return;
          setLookup({ state: 'done', options });
          setActive(-1);
        },
        () => {
          if (!controller.signal.aborted) setLookup({ state: 'failed' });
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, typed, minLength, debounceMs]);

  const options = lookup.state === 'done' ? lookup.options : [];
  const expanded = open && lookup.state !== 'idle';
  // The list shows only with options in it; "looking up" and "no matches" are said under the input.
  const listShown = expanded && options.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const store = useCombobox({
    opened: listShown,
    // A click outside the input and the list closes it (Mantine tells us so).
    onOpenedChange: (opened) => {
      if (!opened) {
        setOpen(false);
        setActive(-1);
      }
    },
  });

  // The active option stays in view when the arrow keys move past the list's visible part.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-option-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, listId]);

  const choose = (option: T) => {
    props.onChange(props.optionText(option));
    props.onSelect?.(option);
    setTyped(false);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown': {
        event.preventDefault();
        if (!open) {
          setOpen(true);
          if (!typed && value.trim().length >= minLength) setTyped(true);
          if (event.altKey) return;
        }
        if (options.length > 0) setActive((index) => (index + 1) % options.length);
        return;
      }
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) setOpen(true);
        if (options.length > 0) setActive((index) => (index <= 0 ? options.length - 1 : index - 1));
        return;
      }
      case 'Enter': {
        const option = expanded && active >= 0 ? options[active] : undefined;
        // Only a chosen option is taken by the combobox; otherwise Enter submits the form as usual.
        if (option !== undefined) {
          event.preventDefault();
          choose(option);
        }
        return;
      }
      case 'Escape': {
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (value) {
          event.preventDefault();
          props.onChange('');
        }
        return;
      }
      default:
        return;
    }
  };

  const status =
    lookup.state === 'loading'
      ? t('service:combobox.lookingUp')
      : lookup.state === 'failed'
        ? t('service:combobox.failed')
        : lookup.state === 'done'
          ? options.length === 0
            ? (props.noMatches ?? t('service:combobox.noMatches'))
            : t('service:combobox.count', { count: options.length })
          : '';

  return (
    <MantineCombobox
      store={store}
      onOptionSubmit={(key) => {
        const option = options.find((candidate) => props.optionKey(candidate) === key);
        if (option !== undefined) choose(option);
      }}
      // The list is as wide as the input, above what follows (and above a drawer it sits in).
      width="target"
      position="bottom-start"
      // Not hidden when the input scrolls out of view: the list is open only while the input has
      // focus, and the check measures layout, which a test's DOM (jsdom) has none of, so it hid the
      // list there always.
      hideDetached={false}
    >
      {/* Our own keys and ARIA state (see above): Mantine's are turned off, not doubled. */}
      <MantineCombobox.Target withKeyboardNavigation={false} withAriaAttributes={false}>
        <TextInput
          id={props.id}
          ref={props.inputRef}
          name={props.name}
          label={props.label}
          className="field"
          // The hint and the live look-up status under the input; Mantine points aria-describedby at
          // this description (and at the error, when there is one).
          description={
            <>
              {props.hint && <span className="combobox-hint">{props.hint}</span>}
              <span id={statusId} aria-live="polite" style={{ display: 'block' }}>
                {expanded ? status : ''}
              </span>
            </>
          }
          error={props.error}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          // Inside a drawer or a modal, the Escape that closes the list does not close the drawer too.
          data-mantine-stop-propagation={expanded || undefined}
          aria-expanded={listShown}
          aria-controls={listShown ? listId : undefined}
          aria-activedescendant={listShown && active >= 0 ? optionId(active) : undefined}
          autoComplete={props.autoComplete ?? 'off'}
          placeholder={props.placeholder}
          value={value}
          onChange={(event) => {
            props.onChange(event.currentTarget.value);
            setTyped(true);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
            props.onBlur?.();
          }}
        />
      </MantineCombobox.Target>
      <MantineCombobox.Dropdown>
        {/* Its name leaves out the field's label, so that label still names one element only
            (getByLabel, voice control). */}
        <MantineCombobox.Options
          id={listId}
          aria-label={t('service:combobox.suggestions')}
          mah="18rem"
          style={{ overflowY: 'auto' }}
        >
          {options.map((option, index) => (
            <MantineCombobox.Option
              key={props.optionKey(option)}
              value={props.optionKey(option)}
              id={optionId(index)}
              active={index === active}
              selected={index === active}
              aria-selected={index === active}
            >
              {props.renderOption(option)}
            </MantineCombobox.Option>
          ))}
        </MantineCombobox.Options>
      </MantineCombobox.Dropdown>
    </MantineCombobox>
  );
}

import './combobox.css';
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
  const optionId = (index: number) => `${listId}-option-${index}`;

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
  const describedBy = [props.error ? `${props.id}-error` : props.hint ? `${props.id}-hint` : '', statusId]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="field combobox">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={props.inputRef}
        name={props.name}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={props.autoComplete ?? 'off'}
        placeholder={props.placeholder}
        value={value}
        onChange={(event) => {
          props.onChange(event.target.value);
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
      {/* Always in the DOM so aria-controls points somewhere; hidden while collapsed. Its name leaves out the
          field's label, so that label still names one element only (getByLabel, voice control). */}
      <div
        id={listId}
        role="listbox"
        aria-label={t('service:combobox.suggestions')}
        className="combobox-list"
        hidden={!expanded || options.length === 0}
      >
        {options.map((option, index) => (
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the input; aria-activedescendant names the active option (APG pattern)
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the input, as the APG pattern says
          <div
            key={props.optionKey(option)}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="combobox-option"
            // Keep focus in the input: a mousedown on an option would blur it and close the list first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {props.renderOption(option)}
          </div>
        ))}
      </div>
      <small id={statusId} className="combobox-status" aria-live="polite">
        {expanded ? status : ''}
      </small>
      {props.error ? (
        <small id={`${props.id}-error`} className="field-error">
          {props.error}
        </small>
      ) : (
        props.hint && <small id={`${props.id}-hint`}>{props.hint}</small>
      )}
    </div>
  );
}

import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useId, useRef } from 'react';
import { toast } from 'sonner';

/** What the panel says, in the words of the credential it shows (a token, a signing secret). */
export interface ShownOnceWords {
  heading: string;
  /** Bold, first: "copy it now, it will not be shown again". */
  copyNow: string;
  /** After it: what the credential is for. */
  about: ReactNode;
  /** The read-only field's label. */
  label: string;
  copy: string;
  copied: string;
  /** When the browser refuses the clipboard: the value is selected, press Ctrl+C. */
  copyRefused: string;
  done: string;
}

/**
 * A credential made just now (an API token, a webhook's signing secret): the server never shows it
 * again, so it is shown this once, selected for copying, until the user says they have it.
 */
export function ShownOnce({ value, words, onDone }: { value: string; words: ShownOnceWords; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  const copy = async () => {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      toast.success(words.copied);
    } catch {
      toast.error(words.copyRefused);
    }
  };
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      radius="md"
      className="token-once"
      aria-labelledby={`${id}-heading`}
      role="status"
    >
      <Stack gap="sm">
        <Title order={2} id={`${id}-heading`}>
          {words.heading}
        </Title>
        <Text size="sm">
          <strong>{words.copyNow}</strong> {words.about}
        </Text>
        <TextInput
          ref={field}
          label={words.label}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
          autoComplete="off"
          ff="monospace"
        />
        <Group gap="xs">
          <Button onClick={copy}>{words.copy}</Button>
          <Button variant="default" onClick={onDone}>
            {words.done}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

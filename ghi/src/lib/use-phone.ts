import { useMediaQuery } from '@mantine/hooks';

/** Whether the window is a phone's (under 768 px): where rows become cards and targets grow to 44 px. */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 47.99em)') ?? false;
}

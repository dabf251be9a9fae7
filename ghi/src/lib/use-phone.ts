import { useMediaQuery } from '@mantine/hooks';

/** Whether the window is a phone's (under 768 px): where rows become cards and targets grow to 44 px. */
export function usePhone(): boolean {
  // Read at the first render (the app renders only in a browser), so a phone never paints the
  // wide layout for a frame first.
  return useMediaQuery('(max-width: 47.99em)', undefined, { getInitialValueInEffect: false });
}

import { type CSSVariablesResolver, createTheme, type MantineColor } from '@mantine/core';

// The app's one theme (issue 26): Mantine's tokens for spacing, type, radius and colour, so every
// page, light or dark, is drawn from the same scale. Pages never name a raw colour: they say what a
// status means (`StatusTone`) and the theme picks the colour.

/** What a status means to the reader, from "nothing to do" to "something is wrong". */
export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/**
 * The colour of each meaning. Mantine's light badge variant (tinted background, shade 9 text in
 * light mode, shade 2 in dark) reaches WCAG AA contrast on every one of these.
 */
export const toneColors: Record<StatusTone, MantineColor> = {
  neutral: 'gray',
  info: 'blue',
  success: 'teal',
  warning: 'orange',
  danger: 'red',
};

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 in light mode: white text on indigo 8 and indigo 8 links on white both pass AA (4.5:1).
  // Shade 7 in dark mode: white on a filled button or avatar is 5.0:1 (shade 4 was 3.0:1); links
  // in dark mode stay shade 4 (Mantine's anchor colour), 5.2:1 on the dark page.
  primaryShade: { light: 8, dark: 7 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.15rem', lineHeight: '1.35' },
      h3: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'sm',
  // Staff read many rows: a compact type scale, with 14 px as the body of tables and forms.
  fontSizes: { xs: '0.75rem', sm: '0.875rem', md: '0.9375rem', lg: '1.0625rem', xl: '1.25rem' },
  spacing: { xs: '0.5rem', sm: '0.75rem', md: '1rem', lg: '1.5rem', xl: '2rem' },
  components: {
    Button: { defaultProps: { size: 'sm' } },
    // Statuses read as words ("In stock"), not shouted in capitals.
    Badge: { defaultProps: { variant: 'light', radius: 'sm', tt: 'none' } },
    // A link is underlined, not told from the text around it by colour alone (WCAG 1.4.1; axe's
    // link-in-text-block): the brand and the navigation opt out where they are plainly links.
    Anchor: { defaultProps: { underline: 'always' } },
    // A field's hint goes under its box, not between the label and the box: side by side, a field
    // with a hint and one without kept their boxes at different heights.
    InputWrapper: { defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] } },
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
  },
});

/**
 * Mantine's colour variables that fail WCAG AA as it sets them, set here so they take effect:
 * Mantine writes the variables that depend on the theme (the link colour, each colour's filled
 * shade) into a style tag of its own after the app's stylesheet, which a stylesheet rule of the
 * same selector cannot override.
 * - Secondary text: gray 6 is 3.3:1 on white, dark 2 4.0:1 on the dark page; gray 7 and dark 1.
 * - Errors: red 6 is 3.3:1 on white; red 9 (5.5:1), and red 4 in dark mode (6.7:1).
 * - Links in dark mode: indigo 4 is 3.8:1 on a striped or hovered row; indigo 3 is 4.9:1.
 * - Red and teal buttons in dark mode: white on shade 7 is 3.8:1; shade 9 is 5.5:1 and 5.0:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-3)',
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': 'var(--mantine-color-red-8)',
    '--mantine-color-teal-filled': 'var(--mantine-color-teal-9)',
    '--mantine-color-teal-filled-hover': 'var(--mantine-color-teal-8)',
  },
});

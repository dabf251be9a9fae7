import { MantineProvider } from '@mantine/core';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { theme } from '../src/app/theme';

function Themed({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} env="test">
      {children}
    </MantineProvider>
  );
}

/** Renders one component as the app draws it: inside the component library's provider and theme. */
export function renderThemed(ui: ReactElement): RenderResult {
  return render(ui, { wrapper: Themed });
}

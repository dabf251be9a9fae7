import { Button, Drawer, Group, Menu, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router-dom';
import { formatNumber } from '../lib/format';
import { useTranslation } from '../lib/i18n';

// The one list-page pattern (issue 26): every list is a header (title, count, the primary action),
// one toolbar (views, search, filters, and the rest in a menu), then the table. Adding a record
// opens a drawer over the list instead of pushing the data down the page.

interface ListPageProps {
  title: string;
  /** What the list holds, in words: "24 cars". */
  count?: string;
  /** The primary action (usually an `AddInDrawer`), and at most one or two more. */
  actions?: ReactNode;
  /** One row above the table: `ViewSwitch`, search, filters, `MoreMenu`. */
  toolbar?: ReactNode;
  children: ReactNode;
}

export function ListPage({ title, count, actions, toolbar, children }: ListPageProps) {
  return (
    <Stack gap="sm" className="list-page">
      <Group justify="space-between" align="center" gap="xs" wrap="wrap">
        <Group gap="sm" align="baseline" wrap="wrap">
          <Title order={1}>{title}</Title>
          {count && (
            <Text c="dimmed" size="sm" aria-live="polite">
              {count}
            </Text>
          )}
        </Group>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {toolbar && (
        <Group gap="xs" align="end" wrap="wrap" className="list-toolbar">
          {toolbar}
        </Group>
      )}
      {children}
    </Stack>
  );
}

export interface View<V extends string> {
  value: V;
  label: string;
  /** How many records the view holds, when known: shown beside its name. */
  count?: number;
}

/** The list's views (All, In stock, Sold), each with its count: one segmented switch. */
export function ViewSwitch<V extends string>({
  label,
  value,
  views,
  onChange,
}: {
  label: string;
  value: V;
  views: readonly View<V>[];
  onChange: (value: V) => void;
}) {
  const labelId = useId();
  return (
    // On a phone the views may be wider than the screen: they scroll sideways within their own
    // box instead of being cut off.
    <div className="view-switch">
      <Text id={labelId} className="visually-hidden">
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        size="sm"
        value={value}
        onChange={(next) => onChange(next as V)}
        data={views.map((view) => ({
          value: view.value,
          label: view.count === undefined ? view.label : `${view.label} ${formatNumber(view.count)}`,
        }))}
      />
    </div>
  );
}

/**
 * One of a list's views as a link rather than a switch: each view has its own address, to share and
 * to come Back to. The view shown is filled and marked current; `tapHeight` is the least height a
 * finger gets (44 px where the list is used on a phone).
 */
export function ViewLink({
  to,
  current,
  tapHeight,
  children,
}: {
  to: string;
  current: boolean;
  tapHeight: number;
  children: ReactNode;
}) {
  return (
    <Button
      component={Link}
      to={to}
      aria-current={current ? 'page' : undefined}
      variant={current ? 'filled' : 'default'}
      size="compact-sm"
      mih={tapHeight}
    >
      {children}
    </Button>
  );
}

/** The primary action that adds a record: a button, and the form in a drawer over the list. */
export function AddInDrawer({
  label,
  title,
  children,
}: {
  label: string;
  /** The drawer's heading; the button's label when not given. */
  title?: string;
  /** The form; `close` ends the drawer (after a save). */
  children: (close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button onClick={open} className="add-in-drawer">
        {label}
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        title={title ?? label}
        position="right"
        size="md"
        padding="lg"
        closeButtonProps={{ 'aria-label': t('components:listPage.close') }}
      >
        {opened && children(close)}
      </Drawer>
    </>
  );
}

/** Secondary actions of a list (export, import) in one menu, so the toolbar stays one row. */
export function MoreMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{t('components:listPage.more')}</Button>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}

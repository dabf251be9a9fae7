import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router-dom';
import { Breadcrumb, type Crumb } from './breadcrumb';

// The one detail-page pattern (issue 26): the way back up (breadcrumb), the record named in words
// ("2018 Toyota Camry · sold to Ann Lee") with its status and actions, then its sections.

interface DetailPageProps {
  crumbs: readonly Crumb[];
  title: ReactNode;
  /** A `StatusBadge` beside the title. */
  status?: ReactNode;
  /** What can be done to the record: buttons, a menu. */
  actions?: ReactNode;
  /** A line under the title: who, when. */
  subtitle?: ReactNode;
  children: ReactNode;
}

export function DetailPage({ crumbs, title, status, actions, subtitle, children }: DetailPageProps) {
  return (
    <Stack gap="md" className="detail-page">
      <Breadcrumb crumbs={crumbs} />
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1}>{title}</Title>
            {status}
          </Group>
          {subtitle && (
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

/**
 * One section of a record: a heading, what can be done to it, and its content on a card. The
 * section is named by its heading, so assistive technology lists it as a region ("Receive stock").
 */
export function DetailSection({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2} id={headingId}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Paper>
  );
}

/** A section's way to the page that does more with what it shows: a small quiet button beside its heading. */
export function SectionLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Button component={Link} to={to} variant="default" size="xs">
      {children}
    </Button>
  );
}

export interface Fact {
  label: string;
  value: ReactNode;
}

/**
 * A record's facts as one label/value grid: every value starts at the same column, two columns of
 * pairs on a wide screen, one on a phone. Values never break mid-word (a VIN, an email, a phone).
 */
export function Facts({ items }: { items: readonly Fact[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, md: 2 }} spacing="xs" verticalSpacing={4} className="facts-grid">
      {items.map((item) => (
        <div key={item.label} className="fact">
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" size="sm">
            {item.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

import {
  Anchor,
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Button,
  Divider,
  Group,
  type MantineColorScheme,
  NavLink as MantineNavLink,
  Popover,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Toaster, toast } from 'sonner';
import { errorMessage } from '../lib/api-client';
import { signInPath, type User, useLogout, useSession } from '../lib/auth';
import { useTranslation } from '../lib/i18n';
import { usePhone } from '../lib/use-phone';
import { LanguageMenu } from './language-menu';
import { allows, type PageNeed } from './require-permission';
import { roleLabel } from './role-label';
import { ErrorState, Loading } from './states';
import { VinSearch } from './vin-search';

/** One link of the navigation: its page's address, its words, and what its page needs. */
export interface NavEntry {
  to: string;
  label: (t: TFunction) => string;
  need: PageNeed;
}

/** A department's links under its title (the app's table of pages, app/pages.tsx, makes them). */
export interface NavSection {
  title: (t: TFunction) => string;
  links: readonly NavEntry[];
}

/**
 * Every page but the sign-in page: shown once the gateway says who is signed in. Nobody signed in
 * (or a session that just ended, see AuthProvider) goes to the sign-in page, which brings them back.
 */
export function Layout({ navigation }: { navigation: readonly NavSection[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isLoading) {
    return (
      <main id="main" className="content">
        <Loading label={t('common:account.checking')} />
      </main>
    );
  }
  if (session.error && session.data === undefined) {
    return (
      <main id="main" className="content">
        <h1>CarCar</h1>
        <ErrorState error={session.error} retry={() => session.refetch()} />
      </main>
    );
  }
  if (!session.data) {
    return <Navigate to={signInPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  return <Shell user={session.data} navigation={navigation} />;
}

/** Whether this person works jobs on the board (the phone shell then gives them tabs). */
const worksJobs = (user: User) => user.technician_id !== null && user.technician_id !== undefined;

/**
 * The frame of every page (issue 26's shell): one 56 px bar (menu on a phone, brand, find a car,
 * the account menu), the navigation grouped by department beside the page on a desktop and folded
 * behind the menu on a phone, and for technicians on a phone a tab bar for their day. Focus moves
 * to the page on navigation.
 */
function Shell({ user, navigation }: { user: User; navigation: readonly NavSection[] }) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const [menuOpen, { toggle: toggleMenu, close: closeMenu }] = useDisclosure(false);
  const location = useLocation();
  const phone = usePhone();
  const scheme = useComputedColorScheme('light');
  // biome-ignore lint/correctness/useExhaustiveDependencies: it must run on every navigation, which the path marks
  useEffect(() => {
    // On a phone the menu covers the page: choosing a page closes it.
    closeMenu();
    // Keyboard and screen-reader users land on the new page, not on the link they used.
    main.current?.focus();
  }, [location.pathname]);
  // Nobody is offered a page they would only be refused: a link shows to those its page's guard lets in.
  const visible = navigation
    .map((section) => ({
      title: section.title(t),
      links: section.links
        .filter((link) => allows(user, link.need))
        .map((link) => ({ to: link.to, label: link.label(t) })),
    }))
    .filter((section) => section.links.length > 0);
  const tabs = phone && worksJobs(user);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'md', collapsed: { mobile: !menuOpen } }}
      footer={{ height: 60, collapsed: !tabs }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <a className="skip-link" href="#main">
        {t('common:shell.skipToContent')}
      </a>
      <AppShell.Header className="app-bar">
        <Group h="100%" px="sm" gap="sm" wrap="nowrap">
          <Burger
            opened={menuOpen}
            onClick={toggleMenu}
            // The navigation sits beside the page from 992 px: on a tablet the page's tables need
            // the whole width (beside a 232 px navigation a sale's columns broke word by word).
            hiddenFrom="md"
            size="sm"
            aria-label={t('common:shell.menu')}
            aria-controls="nav-sections"
            aria-expanded={menuOpen}
          />
          <Anchor component={NavLink} to="/" end className="brand" underline="never" fw={700} fz="lg">
            CarCar
          </Anchor>
          <Box className="app-bar-search">{allows(user, 'inventory.read') && <VinSearch />}</Box>
          <AccountMenu user={user} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="nav-sections" aria-label={t('common:shell.mainNavigation')} component="nav" p="xs">
        {/* A scroll bar whenever the links are taller than the window: the last link was cut in half with no sign that more followed. */}
        <AppShell.Section grow component={ScrollArea} type="auto">
          {visible.map((section) => (
            <section key={section.title} className="nav-section">
              <Text component="h2" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="sm" mb={4}>
                {section.title}
              </Text>
              {section.links.map(({ to, label }) => (
                <MantineNavLink
                  key={to}
                  component={NavLink}
                  to={to}
                  end
                  label={label}
                  active={location.pathname === to}
                  onClick={closeMenu}
                  className="nav-link"
                />
              ))}
            </section>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={main} tabIndex={-1} className="content">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      {tabs && <TechnicianTabs />}
      {/* Below the 56 px bar, not over it: a message hid the signed-in person's name and the page's breadcrumb. */}
      <Toaster
        position="top-right"
        offset={{ top: 64, right: 16 }}
        mobileOffset={{ top: 64, right: 8, left: 8 }}
        richColors
        theme={scheme}
        containerAriaLabel={t('components:layout.notifications')}
      />
    </AppShell>
  );
}

/** A technician's day on a phone, a thumb away: their jobs, the board, and finding a car. */
function TechnicianTabs() {
  const { t } = useTranslation();
  const focusSearch = () => document.querySelector<HTMLInputElement>('.vin-search input[type="search"]')?.focus();
  return (
    <AppShell.Footer component="nav" aria-label={t('common:shell.tabs')} className="tab-bar">
      <NavLink to="/my-work" end className="tab">
        {t('common:nav.myWork')}
      </NavLink>
      <NavLink to="/service/appointments" end className="tab">
        {t('common:shell.board')}
      </NavLink>
      <UnstyledButton className="tab" onClick={focusSearch}>
        {t('common:shell.search')}
      </UnstyledButton>
    </AppShell.Footer>
  );
}

/**
 * Who is signed in, in what role, their language and light or dark, and Sign out: a small panel (a
 * dialog, not a menu: it holds a select and a switch, which a menu may not).
 */
function AccountMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const phone = usePhone();
  const signOut = useLogout({ onSignedOut: () => navigate('/sign-in', { replace: true }) });
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const initials = user.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={260} trapFocus returnFocus shadow="md">
      <Popover.Target>
        {/* Named by what it shows (the name, the role), after a word off the screen saying what it is. */}
        <UnstyledButton className="account-button" aria-expanded={opened} onClick={() => setOpened((open) => !open)}>
          <Group gap="xs" wrap="nowrap">
            <span className="visually-hidden">{t('common:account.menu')}: </span>
            <Avatar size={32} radius="xl" color="indigo" variant="filled" aria-hidden>
              {initials}
            </Avatar>
            {/* On a phone the button shows the initials; the name and role stay its accessible name. */}
            <Box className={phone ? 'visually-hidden' : 'account-name'}>
              <Text size="sm" fw={600} lh={1.2} truncate>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} truncate>
                {roleLabel(t, user.role)}
              </Text>
            </Box>
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown className="account-panel" aria-label={t('common:account.menu')} p="xs">
        <Stack gap="xs">
          <Box px="xs">
            <Text size="sm" fw={600}>
              <span className="visually-hidden">{t('common:account.signedInAs')} </span>
              {user.name}
            </Text>
            <Badge color="gray" mt={4}>
              {roleLabel(t, user.role)}
            </Badge>
          </Box>
          <Divider />
          <Box px="xs">
            <LanguageMenu />
          </Box>
          <Box px="xs">
            <Text size="xs" c="dimmed" id="color-scheme-label" mb={4}>
              {t('common:account.appearance')}
            </Text>
            <SegmentedControl
              fullWidth
              size="xs"
              aria-labelledby="color-scheme-label"
              value={colorScheme}
              onChange={(value) => setColorScheme(value as MantineColorScheme)}
              data={[
                { value: 'light', label: t('common:account.light') },
                { value: 'dark', label: t('common:account.dark') },
                { value: 'auto', label: t('common:account.auto') },
              ]}
            />
          </Box>
          <Divider />
          <Button
            variant="subtle"
            justify="flex-start"
            className="sign-out"
            loading={signOut.isPending}
            onClick={() => signOut.mutate(undefined, { onError: (error) => toast.error(errorMessage(error)) })}
          >
            {t('common:account.signOut')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

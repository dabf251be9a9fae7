import './data-table.css';
import { Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type DataTableColumn, DataTable as MantineDataTable } from 'mantine-datatable';
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatListDateTime } from '../lib/format';
import { useTranslation } from '../lib/i18n';
import { Empty, ErrorState, Loading } from './states';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The value to sort by; columns without one are not sortable. */
  sortValue?: (row: T) => string | number;
  /** Where the column's text sits; figures read best to the right, where their digits line up. */
  align?: 'left' | 'right';
  /** Figures (prices, counts, miles): right-aligned in digits of one width, so a column of them lines up. */
  numeric?: boolean;
  /**
   * Values that must never break (VINs, emails, phone numbers): kept on one line; the table scrolls
   * inside its own box rather than split one mid-word.
   */
  nowrap?: boolean;
  /**
   * The column's name as a phone shows it before each value, where a row is two lines and the header
   * row is out of sight: the header by default, another string to say it shorter, or `false` for none
   * (a row's buttons, whose own names say what they do). An `actions` column has none unless given one.
   */
  phoneLabel?: string | false;
}

/** A sortable column of moments (ISO strings), shown short ("Dec 1, 2:05 PM") and sorted as written. */
export function dateTimeColumn<T>(key: string, header: string, at: (row: T) => string): Column<T> {
  return { key, header, cell: (row) => formatListDateTime(at(row)), sortValue: at };
}

/** The name a phone shows before a cell's value (`data-label`), or none. */
function phoneLabelOf<T>(column: Column<T>): string | undefined {
  if (column.phoneLabel === false) return undefined;
  if (typeof column.phoneLabel === 'string') return column.phoneLabel || undefined;
  if (column.key === 'actions') return undefined;
  return column.header || undefined;
}

/**
 * A text with ids in brackets ("Technician Ana Ruiz (T-100)"): each bracketed id kept on one line, so
 * a narrow column breaks between words, never at an id's hyphen.
 */
export function keepIdsWhole(text: string): ReactNode {
  const parts = text.split(/(\([^()]*\))/);
  if (parts.length === 1) return text;
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in its order
      <span key={i} className="list-table-keep">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

interface DataTableProps<T> {
  caption: string;
  rows: T[] | undefined;
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  isLoading: boolean;
  error: unknown;
  retry?: () => void;
  /** The text a row is searched by; no search box without it. */
  searchText?: (row: T) => string;
  /**
   * What `searchText` looks at, in words, shown in the empty box: "Name, role or status". A list
   * page's box says it like a server list's (`ServerListing.searchHint`), so "Filter" is never a guess.
   */
  searchHint?: string;
  empty: ReactNode;
  pageSize?: number;
  /** Rows to draw the eye to: the one just added. */
  highlight?: (row: T) => boolean;
  /**
   * Short rows of figures (a report's months): stays a table, smaller, where there is too little
   * room, rather than two lines per row; a year of months then fits a phone's screen.
   */
  compact?: boolean;
  /**
   * The API pages, sorts and searches: `rows` is the page it answered, and the table only shows it,
   * with the search box, the count and the pager wired to the API's `q`, `offset` and `X-Total-Count`.
   */
  server?: ServerListing;
  /**
   * A click anywhere on a row (its detail page). A convenience for the mouse: the row's link or
   * button stays the way there for the keyboard and assistive technology.
   */
  onRowClick?: (row: T) => void;
  /**
   * The list page's own controls (views, filters, More): drawn in one row with the search box and
   * the count, so the data starts near the top of the page.
   */
  toolbar?: ReactNode;
}

export interface ServerListing {
  /** Rows of the whole list (`X-Total-Count`). */
  total: number;
  /** "42 cars": the count said above the table. */
  count: (total: number) => string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  query: string;
  onQuery: (query: string) => void;
  /** What the search looks at, said under the box: "VIN, color, model or make". */
  searchHint: string;
  /** A newer page is on its way: the rows shown are the previous answer. */
  isFetching: boolean;
}

type Sort = { key: string; direction: 1 | -1 };

/** Every list: loading, error and empty states, sorting, search and pages. */
export function DataTable<T>(props: DataTableProps<T>) {
  return props.server ? <ServerTable {...props} server={props.server} /> : <ClientTable {...props} />;
}

function ClientTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const { rows, columns, searchText, pageSize = 20 } = props;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort | null>(null);
  const [page, setPage] = useState(0);

  const visible = useMemo(() => {
    let result = rows ?? [];
    const needle = query.trim().toLowerCase();
    if (needle && searchText) result = result.filter((row) => searchText(row).toLowerCase().includes(needle));
    const column = sort && columns.find((c) => c.key === sort.key);
    if (sort && column?.sortValue) {
      const value = column.sortValue;
      result = [...result].sort((a, b) => {
        const x = value(a);
        const y = value(b);
        return (x < y ? -1 : x > y ? 1 : 0) * sort.direction;
      });
    }
    return result;
  }, [rows, query, searchText, sort, columns]);

  const pages = Math.max(1, Math.ceil(visible.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = visible.slice(current * pageSize, (current + 1) * pageSize);

  return (
    <Stack gap="xs" className="list-table-frame">
      <Toolbar toolbar={props.toolbar}>
        {searchText && (rows?.length ?? 0) > 0 && (
          <TextInput
            type="search"
            label={t('common:table.filter')}
            // As the server list's box: the hint in the empty box, and as its description for a
            // screen reader (kept off the page, where it would push the data down a line).
            placeholder={props.searchHint}
            description={props.searchHint}
            descriptionProps={{ className: 'visually-hidden' }}
            className="list-table-search"
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setPage(0);
            }}
          />
        )}
      </Toolbar>
      {props.isLoading ? (
        <Loading />
      ) : props.error ? (
        <ErrorState error={props.error} retry={props.retry} />
      ) : (rows?.length ?? 0) === 0 ? (
        <Empty>{props.empty}</Empty>
      ) : visible.length === 0 ? (
        <Empty>{t('common:table.nothingMatches', { query })}</Empty>
      ) : (
        <Table
          {...props}
          rows={shown}
          sort={sort}
          onSort={(key) =>
            setSort((previous) => ({ key, direction: previous?.key === key && previous.direction === 1 ? -1 : 1 }))
          }
        />
      )}
      {!props.isLoading && !props.error && (
        <Pager caption={props.caption} current={current} pages={pages} onPage={setPage} />
      )}
    </Stack>
  );
}

/**
 * The table itself, drawn by mantine-datatable: dense, striped, its header kept in view while its
 * rows scroll, and a real <table> so rows, cells and column headers keep their roles.
 */
function Table<T>({
  caption,
  rows,
  columns,
  rowKey,
  highlight,
  compact,
  onRowClick,
  sort,
  onSort,
}: Pick<DataTableProps<T>, 'caption' | 'columns' | 'rowKey' | 'highlight' | 'compact' | 'onRowClick'> & {
  rows: T[];
  /** Client-side sorting; the server's lists come sorted by the API. */
  sort?: Sort | null;
  onSort?: (key: string) => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const wide = useMediaQuery('(min-width: 48em)');

  // mantine-datatable makes a sortable header cell itself a button (role="button" on the <th>), which
  // takes away its column-header role and says nothing of the order. So the library is not told the
  // columns sort: each sortable header holds a real button instead, and the header cell says the order
  // with aria-sort. The library passes no attributes to its header cells, hence this one DOM write.
  useLayoutEffect(() => {
    for (const th of frame.current?.querySelectorAll<HTMLTableCellElement>('thead th[data-accessor]') ?? []) {
      const direction = sort && th.dataset.accessor === sort.key ? sort.direction : 0;
      if (direction === 0) th.removeAttribute('aria-sort');
      else th.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
    }
  });

  const tableColumns = columns.map((column): DataTableColumn<T> => {
    const right = column.align === 'right' || (column.numeric && column.align !== 'left');
    const cellClass = [column.numeric && 'list-table-numeric', column.nowrap && 'list-table-nowrap']
      .filter(Boolean)
      .join(' ');
    const direction = sort?.key === column.key ? sort.direction : 0;
    const label = phoneLabelOf(column);
    return {
      accessor: column.key,
      title:
        column.sortValue && onSort ? (
          <UnstyledButton className="list-table-sort" onClick={() => onSort(column.key)}>
            {column.header}
            {/* The mark is drawn by CSS (data-order): no part of the header's text or name. */}
            <span
              aria-hidden="true"
              className="list-table-sort-mark"
              data-order={direction === 1 ? 'ascending' : direction === -1 ? 'descending' : 'none'}
            />
          </UnstyledButton>
        ) : (
          column.header
        ),
      textAlign: right ? 'right' : 'left',
      cellsClassName: cellClass || undefined,
      // The column's name on each cell, shown before the value where a phone puts a row on two lines
      // (data-table.css): a pseudo-element hidden from assistive technology, which reads the header.
      customCellAttributes: label ? () => ({ 'data-label': label }) : undefined,
      render: (row) => <div className="list-table-cell">{column.cell(row)}</div>,
    };
  });

  return (
    <div ref={frame} className="list-table" data-compact={compact || undefined}>
      <MantineDataTable<T>
        // The caption, for assistive technology: the table's accessible name ("Sales by month").
        aria-label={caption}
        records={rows}
        columns={tableColumns}
        idAccessor={rowKey}
        // Dense, as staff who read lists all day expect: a 20-row page fits one desktop screen.
        verticalSpacing={5}
        horizontalSpacing="sm"
        // The header stays in view while the rows scroll, in the table's own box on a wide screen; a
        // phone scrolls the page instead (one scroll inside another is hard to use on a touch screen).
        maxHeight={wide ? 'calc(100dvh - var(--app-shell-header-height, 56px) - 2rem)' : undefined}
        striped
        highlightOnHover
        withTableBorder
        borderRadius="sm"
        rowClassName={(row) => (highlight?.(row) ? 'row-new' : undefined)}
        customRowAttributes={(row) => (highlight?.(row) ? { 'data-new': 'true' } : {})}
        onRowClick={onRowClick ? ({ record }) => onRowClick(record) : undefined}
        // The library's own empty state ("No records", in English) stays in the page, only transparent;
        // an empty list never reaches the library (`Empty` says it), so this one is left blank.
        emptyState={<span />}
      />
    </div>
  );
}

function Pager({
  caption,
  current,
  pages,
  onPage,
}: {
  caption: string;
  current: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <Group component="nav" aria-label={t('common:table.pages', { caption })} gap="sm" className="list-table-pager">
      <Button variant="default" size="xs" disabled={current === 0} onClick={() => onPage(current - 1)}>
        {t('common:table.previous')}
      </Button>
      <Text size="sm" className="list-table-numeric">
        {t('common:table.pageOf', { page: current + 1, pages })}
      </Text>
      <Button variant="default" size="xs" disabled={current >= pages - 1} onClick={() => onPage(current + 1)}>
        {t('common:table.next')}
      </Button>
    </Group>
  );
}

/** The search box, the page's own controls and the count: one row above the table. */
function Toolbar({ toolbar, children }: { toolbar?: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" align="center" wrap="wrap" className="list-toolbar">
      {children}
      {toolbar}
    </Group>
  );
}

/** The search box of a server-side list: the API is asked once typing pauses, not on every key. */
function ServerSearch({ server, label }: { server: ServerListing; label: string }) {
  const [draft, setDraft] = useState(server.query);
  const { query, onQuery } = server;
  // The address can change the search too (Back): the box follows it.
  useEffect(() => setDraft(query), [query]);
  useEffect(() => {
    if (draft.trim() === query.trim()) return;
    const timer = setTimeout(() => onQuery(draft.trim()), 300);
    return () => clearTimeout(timer);
  }, [draft, query, onQuery]);
  return (
    <TextInput
      type="search"
      label={label}
      // What the search looks at, in the empty box; said to a screen reader as the box's description
      // (kept off the page, where it would push the data down a line).
      placeholder={server.searchHint}
      description={server.searchHint}
      descriptionProps={{ className: 'visually-hidden' }}
      className="list-table-search"
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={(event) => {
        // Enter searches at once, without waiting for the pause.
        if (event.key === 'Enter') onQuery(draft.trim());
      }}
    />
  );
}

function ServerTable<T>(props: DataTableProps<T> & { server: ServerListing }) {
  const { t } = useTranslation();
  const { rows = [], server } = props;
  // The toolbar stays while a page loads or fails: the search being typed keeps its focus, and the
  // page's views and filters stay where the hand is.
  const settled = !props.isLoading && !props.error;
  const pages = Math.max(1, Math.ceil(server.total / server.pageSize));
  return (
    <Stack gap="xs" className="list-table-frame" aria-busy={server.isFetching || undefined}>
      <Toolbar toolbar={props.toolbar}>
        <ServerSearch server={server} label={t('common:table.search')} />
        {settled && (
          <Text role="status" fw={600} size="sm" className="table-count">
            {server.count(server.total)}
            {server.query && t('common:table.matching', { query: server.query })}
          </Text>
        )}
      </Toolbar>
      {props.isLoading ? (
        <Loading />
      ) : props.error ? (
        <ErrorState error={props.error} retry={props.retry} />
      ) : rows.length === 0 ? (
        <Empty>{server.query ? t('common:table.nothingMatches', { query: server.query }) : props.empty}</Empty>
      ) : (
        <Table {...props} rows={rows} />
      )}
      {settled && (
        <Pager
          caption={props.caption}
          current={Math.min(server.page, pages - 1)}
          pages={pages}
          onPage={server.onPage}
        />
      )}
    </Stack>
  );
}

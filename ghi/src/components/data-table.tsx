import './data-table.css';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from '../lib/i18n';
import { Empty, ErrorState, Loading } from './states';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The value to sort by; columns without one are not sortable. */
  sortValue?: (row: T) => string | number;
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
  empty: ReactNode;
  pageSize?: number;
  /** Rows to draw the eye to: the one just added. */
  highlight?: (row: T) => boolean;
  /**
   * Short rows of figures (a report's months): stays a table, smaller, where there is too little
   * room, rather than a card per row; a year of months then fits a phone's screen.
   */
  compact?: boolean;
  /**
   * The API pages, sorts and searches: `rows` is the page it answered, and the table only shows it,
   * with the search box, the count and the pager wired to the API's `q`, `offset` and `X-Total-Count`.
   */
  server?: ServerListing;
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

/** Every list: loading, error and empty states, sorting, search and pages. */
export function DataTable<T>(props: DataTableProps<T>) {
  return props.server ? <ServerTable {...props} server={props.server} /> : <ClientTable {...props} />;
}

function ClientTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const { rows, columns, searchText, pageSize = 20 } = props;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: string; direction: 1 | -1 } | null>(null);
  const [page, setPage] = useState(0);
  const searchId = useId();

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

  if (props.isLoading) return <Loading />;
  if (props.error) return <ErrorState error={props.error} retry={props.retry} />;

  const pages = Math.max(1, Math.ceil(visible.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = visible.slice(current * pageSize, (current + 1) * pageSize);

  return (
    <div className={props.compact ? 'data-table data-table-compact' : 'data-table'}>
      {searchText && (rows?.length ?? 0) > 0 && (
        <div className="table-search">
          <label htmlFor={searchId}>{t('common:table.filter')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setPage(0);
            }}
          />
        </div>
      )}
      {(rows?.length ?? 0) === 0 ? (
        <Empty>{props.empty}</Empty>
      ) : visible.length === 0 ? (
        <Empty>{t('common:table.nothingMatches', { query })}</Empty>
      ) : (
        <div className="overflow-auto">
          <table className="striped">
            <caption className="visually-hidden">{props.caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => {
                  const direction = sort?.key === column.key ? sort.direction : 0;
                  return (
                    <th
                      key={column.key}
                      scope="col"
                      aria-sort={direction === 1 ? 'ascending' : direction === -1 ? 'descending' : undefined}
                    >
                      {column.sortValue ? (
                        <button
                          type="button"
                          className="sort"
                          onClick={() => setSort({ key: column.key, direction: direction === 1 ? -1 : 1 })}
                        >
                          {column.header}
                          <span aria-hidden="true">{direction === 1 ? ' ▲' : direction === -1 ? ' ▼' : ''}</span>
                        </button>
                      ) : (
                        column.header
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              <Rows rows={shown} columns={columns} rowKey={props.rowKey} highlight={props.highlight} />
            </tbody>
          </table>
        </div>
      )}
      <Pager caption={props.caption} current={current} pages={pages} onPage={setPage} />
    </div>
  );
}

function Rows<T>({
  rows,
  columns,
  rowKey,
  highlight,
}: { rows: T[] } & Pick<DataTableProps<T>, 'columns' | 'rowKey' | 'highlight'>) {
  return rows.map((row) => {
    const isNew = highlight?.(row) ?? false;
    return (
      <tr key={rowKey(row)} className={isNew ? 'row-new' : undefined} data-new={isNew || undefined}>
        {columns.map((column) => (
          <td key={column.key} data-label={column.header}>
            {column.cell(row)}
          </td>
        ))}
      </tr>
    );
  });
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
    <nav aria-label={t('common:table.pages', { caption })} className="pager">
      <button type="button" className="secondary" disabled={current === 0} onClick={() => onPage(current - 1)}>
        {t('common:table.previous')}
      </button>
      <span>{t('common:table.pageOf', { page: current + 1, pages })}</span>
      <button type="button" className="secondary" disabled={current >= pages - 1} onClick={() => onPage(current + 1)}>
        {t('common:table.next')}
      </button>
    </nav>
  );
}

/** The search box of a server-side list: the API is asked once typing pauses, not on every key. */
function ServerSearch({ server, label }: { server: ServerListing; label: string }) {
  const [draft, setDraft] = useState(server.query);
  const id = useId();
  const { query, onQuery } = server;
  // The address can change the search too (Back): the box follows it.
  useEffect(() => setDraft(query), [query]);
  useEffect(() => {
    if (draft.trim() === query.trim()) return;
    const timer = setTimeout(() => onQuery(draft.trim()), 300);
    return () => clearTimeout(timer);
  }, [draft, query, onQuery]);
  return (
    <div className="table-search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={draft}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches at once, without waiting for the pause.
          if (event.key === 'Enter') onQuery(draft.trim());
        }}
      />
      <small id={`${id}-hint`}>{server.searchHint}</small>
    </div>
  );
}

function ServerTable<T>(props: DataTableProps<T> & { server: ServerListing }) {
  const { t } = useTranslation();
  const { rows = [], columns, server } = props;
  if (props.isLoading) return <Loading />;
  if (props.error) return <ErrorState error={props.error} retry={props.retry} />;
  const pages = Math.max(1, Math.ceil(server.total / server.pageSize));
  return (
    <div className="data-table" aria-busy={server.isFetching || undefined}>
      <ServerSearch server={server} label={t('common:table.search')} />
      <p role="status" className="table-count">
        {server.count(server.total)}
        {server.query && t('common:table.matching', { query: server.query })}
      </p>
      {rows.length === 0 ? (
        <Empty>{server.query ? t('common:table.nothingMatches', { query: server.query }) : props.empty}</Empty>
      ) : (
        <div className="overflow-auto">
          <table className="striped">
            <caption className="visually-hidden">{props.caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.key} scope="col">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <Rows rows={rows} columns={columns} rowKey={props.rowKey} highlight={props.highlight} />
            </tbody>
          </table>
        </div>
      )}
      <Pager caption={props.caption} current={Math.min(server.page, pages - 1)} pages={pages} onPage={server.onPage} />
    </div>
  );
}

import { type ReactNode, useId, useMemo, useState } from 'react';
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
}

/** Every list: loading, error and empty states, sorting, search and pages. */
export function DataTable<T>(props: DataTableProps<T>) {
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
    <div className="data-table">
      {searchText && (rows?.length ?? 0) > 0 && (
        <div className="table-search">
          <label htmlFor={searchId}>Filter</label>
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
        <Empty>Nothing matches “{query}”.</Empty>
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
              {shown.map((row) => (
                <tr key={props.rowKey(row)}>
                  {columns.map((column) => (
                    <td key={column.key}>{column.cell(row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={`${props.caption} pages`} className="pager">
          <button type="button" className="secondary" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous
          </button>
          <span>
            Page {current + 1} of {pages}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next
          </button>
        </nav>
      )}
    </div>
  );
}

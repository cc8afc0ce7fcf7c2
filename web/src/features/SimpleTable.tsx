import type { ReactNode } from 'react';

/** A column: its heading and what a row shows in it. */
export interface Column<T> {
  title: string;
  render: (row: T) => ReactNode;
}

/**
 * A plain, semantic table (caption, column headers) for the application's tabs: antd's Table brings pagination and a
 * select box with it, more JavaScript than these small lists are worth on a first screen.
 */
export function SimpleTable<T>({ caption, rows, columns, rowKey, empty = 'Нет данных' }: {
  caption?: string; rows: T[]; columns: Column<T>[]; rowKey: (row: T) => string; empty?: string;
}) {
  return (
    <div className="simple-table-wrap">
      <table className="simple-table">
        {caption && <caption>{caption}</caption>}
        <thead><tr>{columns.map((c) => <th key={c.title} scope="col">{c.title}</th>)}</tr></thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={columns.length}>{empty}</td></tr>}
          {rows.map((row) => (
            <tr key={rowKey(row)}>{columns.map((c) => <td key={c.title}>{c.render(row)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

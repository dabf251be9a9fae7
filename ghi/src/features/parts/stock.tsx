import type { Part } from '@carcar/common/contract/parts';

/** A stock figure as people read it: 4, 4.5, -2. */
export const formatQuantity = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

export const isLow = (part: Part) => part.on_hand <= part.reorder_point;

/** On hand, with a word when it matters: below zero is promised to work before it arrived. */
export function StockLevel({ part }: { part: Part }) {
  return (
    <span className="stock">
      {formatQuantity(part.on_hand)}
      {part.on_hand < 0 ? (
        <span className="badge backordered">Backordered</span>
      ) : (
        isLow(part) && <span className="badge low-stock">Low</span>
      )}
    </span>
  );
}

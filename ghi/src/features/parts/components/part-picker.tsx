import type { Part } from '@carcar/common/contract/parts';
import { useState } from 'react';
import { Combobox } from '../../../components/combobox';
import { serviceApi } from '../../../lib/api-client';
import { formatMoney } from '../../../lib/format';
import { getPage } from '../../../lib/paged';
import { formatQuantity } from '../stock';

/**
 * The part of a part line, looked up in the parts list by number or description as it is typed.
 * A part number typed by hand stays allowed (the API fills in a listed part's description and price).
 */
export function PartPicker({
  id,
  value,
  onChange,
  onPick,
  error,
}: {
  id: string;
  value: string;
  onChange: (number: string) => void;
  /** A listed part chosen: the form fills in its description and price. */
  onPick: (part: Part) => void;
  error?: string;
}) {
  const [picked, setPicked] = useState<Part | null>(null);
  const stock =
    picked && picked.number === value
      ? `${picked.description}: ${formatQuantity(picked.on_hand)} on hand${picked.on_hand <= 0 ? ' (will be backordered)' : ''}.`
      : 'Type a part number or words of its description; a listed part fills in its description and price.';
  return (
    <Combobox<Part>
      id={id}
      label="Part number (optional)"
      value={value}
      onChange={onChange}
      onSelect={(part) => {
        setPicked(part);
        onPick(part);
      }}
      error={error}
      hint={stock}
      noMatches="No listed part matches; a part described and priced by hand is fine too."
      loadOptions={async (q) => (await getPage<Part>(serviceApi, '/api/parts/', 'parts', { q, limit: 8 })).items}
      optionKey={(part) => part.number}
      optionText={(part) => part.number}
      renderOption={(part) => (
        <>
          <strong>{part.number}</strong> {part.description} · {formatMoney(part.price)} · {formatQuantity(part.on_hand)}{' '}
          on hand
        </>
      )}
    />
  );
}

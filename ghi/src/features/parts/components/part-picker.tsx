import type { Part } from '@carcar/common/contract/parts';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useState } from 'react';
import { Combobox } from '../../../components/combobox';
import { serviceApi } from '../../../lib/api-client';
import { formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
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
  const { t } = useTranslation('parts');
  const [picked, setPicked] = useState<Part | null>(null);
  const stock =
    picked && picked.number === value
      ? picked.on_hand <= 0
        ? t('parts:picker.stockBackordered', {
            description: picked.description,
            onHand: formatQuantity(picked.on_hand),
          })
        : t('parts:picker.stock', { description: picked.description, onHand: formatQuantity(picked.on_hand) })
      : t('parts:picker.hint');
  return (
    <Combobox<Part>
      id={id}
      label={t('parts:picker.label')}
      value={value}
      onChange={onChange}
      onSelect={(part) => {
        setPicked(part);
        onPick(part);
      }}
      error={error}
      hint={stock}
      noMatches={t('parts:picker.noMatches')}
      loadOptions={async (q) =>
        (await getPage<Part>(serviceApi, pathTo(serviceApiRoutes.parts.list), 'parts', { q, limit: 8 })).items
      }
      optionKey={(part) => part.number}
      optionText={(part) => part.number}
      renderOption={(part) => (
        <>
          <strong>{part.number}</strong> {part.description} · {formatMoney(part.price)} ·{' '}
          {t('parts:picker.onHand', { quantity: formatQuantity(part.on_hand) })}
        </>
      )}
    />
  );
}

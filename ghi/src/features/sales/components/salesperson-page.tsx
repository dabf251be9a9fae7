import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import '../../../components/record.css';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable } from '../../../components/data-table';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { errorMessage, isMissingRecord } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatMoney } from '../../../lib/format';
import { useSales } from '../api/get-sales';
import { useSalesperson } from '../api/get-salesperson';
import { useUpdateSalesperson } from '../api/update-salesperson';
import { personName, type Salesperson } from '../types';
import { saleColumns } from './sale-columns';

function RetireOrReinstate({ person }: { person: Salesperson }) {
  const [open, setOpen] = useState(false);
  const update = useUpdateSalesperson(person.id);
  if (!person.active) {
    return (
      <button
        type="button"
        className="secondary"
        disabled={update.isPending}
        aria-busy={update.isPending || undefined}
        onClick={() =>
          update.mutateAsync({ active: true }).then(
            () => toast.success(`${personName(person)} is back in the salesperson lists`),
            (error: unknown) => toast.error(errorMessage(error)),
          )
        }
      >
        Reinstate {personName(person)}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="secondary outline" onClick={() => setOpen(true)}>
        Retire {personName(person)}
      </button>
      <ConfirmDialog
        open={open}
        title={`Retire ${personName(person)}?`}
        confirmLabel="Retire"
        cancelLabel="Keep them active"
        onConfirm={async () => {
          await update.mutateAsync({ active: false });
          toast.success(`${personName(person)} is retired`);
        }}
        onClose={() => setOpen(false)}
      >
        <p>
          They are no longer offered when recording a sale. Their sales stay as they are, under their name, and you can
          reinstate them at any time.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** One salesperson: who they are, whether they still sell, and every sale they made. */
export function SalespersonPage() {
  const id = Number(useParams().id);
  const person = useSalesperson(id);
  const mayWrite = useCan('salespeople.write');
  const sales = useSales({ salesperson: id, sort: '-id' }, Number.isInteger(id) && id > 0);
  if (isMissingRecord(id, person.error)) {
    return (
      <NotFound title="Salesperson not found">
        There is no salesperson with this number. <Link to="/sales/salespeople">Back to the salespeople</Link>.
      </NotFound>
    );
  }
  if (person.isLoading) return <Loading />;
  if (person.error || !person.data) return <ErrorState error={person.error} retry={() => person.refetch()} />;
  const p = person.data;
  const total = (sales.data ?? []).reduce((sum, sale) => sum + sale.price, 0);
  return (
    <>
      <nav aria-label="breadcrumb">
        <ul>
          <li>
            <Link to="/sales/salespeople">Salespeople</Link>
          </li>
          <li aria-current="page">{personName(p)}</li>
        </ul>
      </nav>
      <header className="record-header">
        <h1>
          {personName(p)}
          {!p.active && <span className="badge retired">Retired</span>}
        </h1>
        <p>Employee ID {p.employee_id}</p>
      </header>
      <div className="record-actions">{mayWrite && <RetireOrReinstate person={p} />}</div>
      <section aria-labelledby="sales-heading">
        <h2 id="sales-heading">Sales</h2>
        {sales.data && (
          <p className="total">
            {sales.data.length} {sales.data.length === 1 ? 'sale' : 'sales'}, total {formatMoney(total)}
          </p>
        )}
        <DataTable
          caption={`Sales by ${personName(p)}`}
          rows={sales.data}
          isLoading={sales.isLoading}
          error={sales.error}
          retry={() => sales.refetch()}
          rowKey={(s) => s.id}
          empty="No sales yet."
          columns={saleColumns.filter((column) => column.key !== 'salesperson')}
        />
      </section>
    </>
  );
}

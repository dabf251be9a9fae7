import type { UseQueryResult } from '@tanstack/react-query';
import type { z } from 'zod';
import { useApiForm } from '../lib/use-api-form';
import { DataTable } from './data-table';
import { FormFooter, TextField } from './form';

interface StaffMember {
  id: number;
  first_name: string;
  last_name: string;
  employee_id: string;
}

type StaffBody = z.ZodObject<{
  first_name: z.ZodType<string>;
  last_name: z.ZodType<string>;
  employee_id: z.ZodType<string>;
}>;

/** Technicians and salespeople are the same kind of list: people on staff with an employee ID. */
export function StaffPage({
  title,
  kind,
  schema,
  staff,
  save,
}: {
  title: string;
  /** "technician", "salesperson": for the form's labels and messages. */
  kind: string;
  schema: StaffBody;
  staff: UseQueryResult<StaffMember[]>;
  save: (values: z.output<StaffBody>) => Promise<unknown>;
}) {
  const { form, onSubmit } = useApiForm({
    schema,
    defaultValues: { first_name: '', last_name: '', employee_id: '' },
    save,
    success: `${kind.charAt(0).toUpperCase()}${kind.slice(1)} added`,
  });
  return (
    <>
      <h1>{title}</h1>
      <form onSubmit={onSubmit} noValidate aria-label={`Add a ${kind}`}>
        <div className="grid">
          <TextField form={form} name="first_name" label="First name" />
          <TextField form={form} name="last_name" label="Last name" />
          <TextField form={form} name="employee_id" label="Employee ID" />
        </div>
        <FormFooter form={form} submit={`Add ${kind}`} />
      </form>
      <DataTable
        caption={title}
        rows={staff.data}
        isLoading={staff.isLoading}
        error={staff.error}
        retry={() => staff.refetch()}
        rowKey={(p) => p.id}
        searchText={(p) => `${p.first_name} ${p.last_name} ${p.employee_id}`}
        empty={`No ${title.toLowerCase()} yet.`}
        columns={[
          { key: 'employee_id', header: 'Employee ID', cell: (p) => p.employee_id, sortValue: (p) => p.employee_id },
          { key: 'first_name', header: 'First name', cell: (p) => p.first_name, sortValue: (p) => p.first_name },
          { key: 'last_name', header: 'Last name', cell: (p) => p.last_name, sortValue: (p) => p.last_name },
        ]}
      />
    </>
  );
}

import { technicianBody } from '@carcar/common/contract/service';
import { StaffPage } from '../../../components/staff-page';
import { useCreateTechnician } from '../api/create-technician';
import { useTechnicians } from '../api/get-technicians';

export function TechniciansPage() {
  const create = useCreateTechnician();
  return (
    <StaffPage
      title="Technicians"
      kind="technician"
      schema={technicianBody}
      staff={useTechnicians()}
      save={create.mutateAsync}
    />
  );
}

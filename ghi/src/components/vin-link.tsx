import { Link } from 'react-router-dom';
import { carPath } from '../lib/paths';

/**
 * A VIN, linked to the car's page: every VIN the app shows is one click from everything known
 * about the car. `label` replaces the accessible name where a table says more than the VIN.
 */
export function VinLink({ vin, label, className }: { vin: string; label?: string; className?: string }) {
  return (
    <Link to={carPath(vin)} aria-label={label} className={className ? `vin-link ${className}` : 'vin-link'}>
      <code>{vin}</code>
    </Link>
  );
}

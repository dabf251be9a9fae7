import { Link } from 'react-router-dom';
import { NotFound } from '../../../components/states';

/** What a sale's page and its bill of sale show for a number no sale has. */
export function SaleNotFound() {
  return (
    <NotFound title="Sale not found">
      There is no sale with this number. <Link to="/sales">Back to the sales</Link>.
    </NotFound>
  );
}

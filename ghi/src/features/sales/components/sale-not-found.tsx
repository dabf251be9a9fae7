import { Link } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client';

/** No sale has this number: not a number at all, or the API answered 404. */
export function isMissingSale(id: number, error: unknown): boolean {
  return !(Number.isInteger(id) && id > 0) || (error instanceof ApiError && error.status === 404);
}

/** What a sale's page and its bill of sale show for a number no sale has. */
export function SaleNotFound() {
  return (
    <>
      <h1>Sale not found</h1>
      <p>
        There is no sale with this number. <Link to="/sales">Back to the sales</Link>.
      </p>
    </>
  );
}

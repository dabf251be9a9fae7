import { AppError } from '@carcar/common/errors';
import { decodeVin } from '@carcar/common/vin/vin';
import { Router } from 'express';

export function vinsRouter(): Router {
  const router = Router();
  // Answers 200 for any VIN-sized input: `valid` and `problems` say what is wrong, for live checking.
  router.get('/:vin', (req, res) => {
    if (req.params.vin.length > 64) {
      throw new AppError(400, 'validation_error', 'Invalid request', [
        { path: 'vin', message: 'A VIN has 17 characters' },
      ]);
    }
    res.json(decodeVin(req.params.vin));
  });
  return router;
}

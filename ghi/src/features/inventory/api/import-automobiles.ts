import type { AnswerOf } from '@carcar/common/contract/answer-of';
import { inventoryRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** `POST /api/automobiles/import/`'s answer: cars written (0 on a dry run) and rows that passed. */
export type ImportResult = AnswerOf<typeof inventoryRoutes.automobiles.import>;

/** One reason the file was refused: the line of the file (the header is line 1), the column, why. */
export interface ImportProblem {
  line?: number;
  path: string;
  message: string;
}

/**
 * Sends the file as it is (`Content-Type: text/csv`): checked whole and, unless `dryRun`, written
 * whole or not at all. A refused file is an ApiError whose fieldErrors are ImportProblems.
 */
export async function importAutomobiles(csv: string, dryRun: boolean): Promise<ImportResult> {
  return callRoute(inventoryApi, inventoryRoutes.automobiles.import, {
    body: csv,
    params: dryRun ? { dry_run: true } : undefined,
    headers: { 'Content-Type': 'text/csv' },
    // Ten thousand rows are checked against the stock before the answer.
    timeout: 120_000,
  });
}

export function useImportAutomobiles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) => importAutomobiles(csv, dryRun),
    onSuccess: async (result) => {
      if (result.created > 0) await queryClient.invalidateQueries({ queryKey: inventoryKeys.automobiles.all });
    },
  });
}

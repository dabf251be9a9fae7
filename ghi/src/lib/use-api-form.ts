import { zodResolver } from '@hookform/resolvers/zod';
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { ApiError, errorMessage } from './api-client';

/**
 * A form validated by the same zod schema the API uses. On submit it calls `save`; the API's field
 * messages (`errors[].message`) go next to their fields, and the message of anything else (a 409
 * naming the conflict, an outage) shows above the button.
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>(options: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  save: (values: z.output<S>) => Promise<unknown>;
  success: string;
  /** After saving, keep what was saved in the fields (an edit form) instead of emptying them. */
  keepValues?: boolean;
  /** Runs with what `save` answered, after the success message. */
  onSaved?: (saved: unknown) => void;
}): {
  form: UseFormReturn<z.input<S>, unknown, z.output<S>>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
} {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The resolver cannot infer input and output types from a generic schema; they are S's own.
    resolver: zodResolver(options.schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: options.defaultValues,
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await options.save(values);
      toast.success(options.success);
      form.reset(options.keepValues ? form.getValues() : options.defaultValues);
      options.onSaved?.(saved);
    } catch (error) {
      const fields = new Set(Object.keys(options.defaultValues ?? {}));
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
      const shown = fieldErrors.filter((field) => fields.has(field.path));
      for (const field of shown) {
        // A 409 repeats its sentence for the field: said once, above the button; the field is still marked.
        const repeated = field.message === errorMessage(error) && error instanceof ApiError && error.status !== 400;
        form.setError(field.path as Path<z.input<S>>, {
          type: 'server',
          message: repeated ? 'See the message below.' : field.message,
        });
      }
      // Said above the button unless every point of it is already next to its field.
      const allPlaced =
        error instanceof ApiError && error.status === 400 && shown.length > 0 && shown.length === fieldErrors.length;
      if (!allPlaced) form.setError('root.server', { type: 'server', message: errorMessage(error) });
    }
  });
  return { form, onSubmit };
}

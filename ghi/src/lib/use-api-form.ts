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
 * A form validated by the same zod schema the API uses. On submit it calls `save`; a 400 puts the
 * API's field messages next to the fields, anything else (a 409, an outage) shows above the button.
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>(options: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  save: (values: z.output<S>) => Promise<unknown>;
  success: string;
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
      await options.save(values);
      toast.success(options.success);
      form.reset(options.defaultValues);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0) {
        for (const field of error.fieldErrors) {
          form.setError(field.path as Path<z.input<S>>, { type: 'server', message: field.message });
        }
      } else {
        form.setError('root.server', { type: 'server', message: errorMessage(error) });
      }
    }
  });
  return { form, onSubmit };
}

import type { FrontMatterValue } from '../../shared/model';
import type { FormField } from './form-fields';

/** What every control of the form receives. */
export interface FieldProps {
  /** The id of the control its label points at. */
  id: string;
  field: FormField;
  /** Ids of the messages that describe the control (its problem, its edit error). */
  describedBy: string | undefined;
  invalid: boolean;
  /** Writes the value into the source; false when Recap could not make the edit (the form says why). */
  onSet: (value: FrontMatterValue) => boolean;
}

/** The value as the text a text box shows. */
export function textOf(value: FrontMatterValue | undefined): string {
  return value === undefined || value === null || typeof value === 'object' ? '' : String(value);
}

/** The ARIA state every control carries: its messages, whether it is invalid or required. */
export function controlAria({ describedBy, invalid, field }: FieldProps) {
  return {
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    'aria-required': field.schema?.required || undefined,
  };
}

import type { InspectionCondition } from '@carcar/common/contract/inspections';
import type { TFunction } from 'i18next';

/** Each condition in words as well as color, so nobody has to tell the colors apart. */
export const conditionLabels = (t: TFunction): Record<InspectionCondition, string> => ({
  green: t('inspections:condition.green'),
  yellow: t('inspections:condition.yellow'),
  red: t('inspections:condition.red'),
});

export const conditionMeaning = (t: TFunction): Record<InspectionCondition, string> => ({
  green: t('inspections:meaning.green'),
  yellow: t('inspections:meaning.yellow'),
  red: t('inspections:meaning.red'),
});

/** The color itself, as the API names it, in words: for a screen reader after the label. */
export const conditionColors = (t: TFunction): Record<InspectionCondition, string> => ({
  green: t('inspections:color.green'),
  yellow: t('inspections:color.yellow'),
  red: t('inspections:color.red'),
});

/** A yellow or red finding can go on the estimate. */
export const needsWork = (condition: InspectionCondition) => condition !== 'green';

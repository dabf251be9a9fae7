import type { InspectionCondition } from '@carcar/common/contract/inspections';

/** Each condition in words as well as colour, so nobody has to tell the colours apart. */
export const conditionLabels: Record<InspectionCondition, string> = {
  green: 'Good',
  yellow: 'Soon',
  red: 'Now',
};

export const conditionMeaning: Record<InspectionCondition, string> = {
  green: 'Good: nothing to do',
  yellow: 'Soon: needs attention at a later visit',
  red: 'Now: needs attention today',
};

/** A yellow or red finding can go on the estimate. */
export const needsWork = (condition: InspectionCondition) => condition !== 'green';

// The model library: every supervision model, in the order the console lists them.
import type { ModelDefinition } from '../model.ts';
import { repeatInspection } from './repeat-inspection.ts';

export const MODELS: readonly ModelDefinition[] = [
  repeatInspection,
];

export function findModel(code: string): ModelDefinition | undefined {
  return MODELS.find((m) => m.code === code);
}

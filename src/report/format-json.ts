// JSON report: the Report object as is, stable key order, two-space indent.
import type { Formatter } from './types.js';

export const formatJson: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
